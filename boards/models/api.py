import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from .core import Board


class TokenScope(models.TextChoices):
    READ = "read", "Read only"
    WRITE = "write", "Read and write"


def hash_secret(secret: str) -> str:
    # Tokens are long random strings, so a fast hash is enough (unlike passwords).
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiToken(models.Model):
    """A secret for the REST API: one person's access to one board, read-only or
    read-write, until it expires or is revoked. Only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    board = models.ForeignKey(
        Board, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for.")
    prefix = models.CharField(max_length=12, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    scope = models.CharField(
        max_length=5, choices=TokenScope.choices, default=TokenScope.READ
    )
    expires_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope__in=TokenScope.values),
                name="api_token_scope_valid",
                violation_error_message="Choose read only or read and write.",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, user, board, name, scope, expires_at, created_by):
        """Creates a token; returns it with the full key, shown to the user once."""
        prefix = secrets.token_hex(6)
        secret = secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            board=board,
            name=name,
            scope=scope,
            expires_at=expires_at,
            created_by=created_by,
            prefix=prefix,
            secret_hash=hash_secret(secret),
        )
        return token, f"{prefix}.{secret}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.WRITE


class IdempotencyRecord(models.Model):
    """The response to a POST sent with an Idempotency-Key, replayed if the same
    key comes again with the same body, so a retried request creates nothing twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(max_length=100)
    path = models.CharField(max_length=300)
    # SHA-256 of the request body: the same key with another body is refused.
    request_hash = models.CharField(max_length=64, blank=True)
    status = models.PositiveSmallIntegerField()
    body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"],
                name="idempotency_key_unique",
                violation_error_message="This Idempotency-Key has been used.",
            )
        ]

    def __str__(self):
        return f"{self.key} → {self.status}"
