"""Shapes of the audits API: Section 11 cycles with their standards and questions,
submissions with their answers, the results (compliance per standard and per
question, year-on-year), and multi-agency case audits with their gradings and
recommendations."""

from rest_framework import serializers

from boards.api.filters import MAX_ID
from lscb_portal.rag import Rag
from reviews.api.serializers import PlanActionReferenceSerializer, described_choice

from ..models import (
    Answer,
    CaseAudit,
    CaseAuditGrading,
    CaseAuditRecommendation,
    Exclusion,
    Grading,
    Organisation,
    Question,
    Rating,
    RecommendationStatus,
    Section11Cycle,
    Sector,
    Standard,
    Submission,
    SubmissionStatus,
)
from ..views.case_audits import gradings_summary


def _version(what: str):
    return serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        help_text=f"The {what}'s version you start from; a stale one is refused "
        "with 409.",
    )


# Cycles and standards ----------------------------------------------------------


class QuestionSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True, help_text='e.g. "5.2".')

    class Meta:
        model = Question
        fields = ["id", "number", "code", "text"]
        read_only_fields = fields


class StandardSerializer(serializers.ModelSerializer):
    """A standard with its questions. Expects questions prefetched."""

    cycle = serializers.IntegerField(source="cycle_id", read_only=True)
    year = serializers.IntegerField(source="cycle.year", read_only=True)
    questions = QuestionSerializer(many=True, read_only=True)

    class Meta:
        model = Standard
        fields = ["id", "cycle", "year", "number", "title", "text", "questions"]
        read_only_fields = fields


class CycleStandardSerializer(StandardSerializer):
    class Meta(StandardSerializer.Meta):
        fields = ["id", "number", "title", "text", "questions"]
        read_only_fields = fields


class CycleSerializer(serializers.ModelSerializer):
    """A year's Section 11 audit with its standards and their questions."""

    standards = CycleStandardSerializer(many=True, read_only=True)

    class Meta:
        model = Section11Cycle
        fields = [
            "id",
            "year",
            "opens_on",
            "closes_on",
            "standards",
            "version",
            "modified_at",
        ]
        read_only_fields = fields


# Submissions -------------------------------------------------------------------


class OrganisationSerializer(serializers.ModelSerializer):
    sector = described_choice(Sector.choices)

    class Meta:
        model = Organisation
        fields = ["id", "name", "sector"]
        read_only_fields = fields


class AnswerSerializer(serializers.ModelSerializer):
    question = serializers.IntegerField(source="question_id", read_only=True)
    code = serializers.CharField(source="question.code", read_only=True)
    rating = described_choice(Rating.choices)
    carried_forward = serializers.BooleanField(
        read_only=True,
        help_text="Carried forward from the organisation's previous submission and "
        "not yet confirmed: write it again to confirm it.",
    )

    class Meta:
        model = Answer
        fields = ["question", "code", "rating", "evidence", "carried_forward"]
        read_only_fields = fields


class SubmissionSerializer(serializers.ModelSerializer):
    """An organisation's submission to a cycle. Expects the view's queryset
    (organisation and cycle joined, answers counted)."""

    cycle = serializers.IntegerField(source="cycle_id", read_only=True)
    year = serializers.IntegerField(source="cycle.year", read_only=True)
    organisation = OrganisationSerializer(read_only=True)
    status = described_choice(SubmissionStatus.choices)
    exclusion = described_choice(
        Exclusion.choices, blank=True, what="Left out of the results as: "
    )
    answered = serializers.IntegerField(
        read_only=True, help_text="Questions answered (carried forward ones apart)."
    )
    carried_forward = serializers.IntegerField(
        read_only=True, help_text="Answers carried forward and not yet confirmed."
    )

    class Meta:
        model = Submission
        fields = [
            "id",
            "cycle",
            "year",
            "organisation",
            "status",
            "submitted_at",
            "late_reason",
            "exclusion",
            "exclusion_reason",
            "answered",
            "carried_forward",
            "version",
            "modified_at",
        ]
        read_only_fields = fields


class SubmissionDetailSerializer(SubmissionSerializer):
    """A submission with its answers (also expects answers prefetched)."""

    answers = AnswerSerializer(many=True, read_only=True)

    class Meta(SubmissionSerializer.Meta):
        fields = [*SubmissionSerializer.Meta.fields, "answers"]
        read_only_fields = fields


class SubmissionStartSerializer(serializers.Serializer):
    """Start an organisation's submission to a cycle: a draft, its answers carried
    forward from the organisation's previous submission."""

    cycle = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="The cycle: its id."
    )
    organisation = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="The organisation: its id."
    )


class AnswerWriteSerializer(serializers.Serializer):
    question = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="A question of the cycle: its id."
    )
    rating = described_choice(Rating.choices, read_only=False)
    evidence = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )


class AnswersSerializer(serializers.Serializer):
    """Answers to record, all or none: a new answer, a changed one, or a
    carried-forward one confirmed (written again as it is or changed)."""

    version = _version("submission")
    answers = AnswerWriteSerializer(many=True, allow_empty=False, max_length=500)


class SubmitSerializer(serializers.Serializer):
    version = _version("submission")
    late_reason = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        default="",
        help_text="After the close date the business team accepts a submission "
        "with the reason why.",
    )


# Results -----------------------------------------------------------------------


def _percent(help_text: str):
    return serializers.IntegerField(allow_null=True, help_text=help_text)


class QuestionResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    text = serializers.CharField()
    fully_met = serializers.IntegerField(help_text="Valid submissions fully met.")
    applies = serializers.IntegerField(
        help_text="Valid submissions it applies to (not answered not applicable)."
    )
    percent = _percent("Fully met among those it applies to; null: no data.")


class StandardResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    title = serializers.CharField()
    fully_met = serializers.IntegerField(
        help_text="Valid submissions that fully met every question of it that "
        "applies to them."
    )
    applies = serializers.IntegerField()
    percent = _percent("Fully met among those it applies to; null: no data.")
    previous_percent = _percent(
        "The previous cycle's figure for the standard of the same number; null: "
        "no previous cycle, no such standard, or no data."
    )
    change = _percent("Percentage points since the previous cycle; null: no data.")
    questions = QuestionResultSerializer(many=True)


class CycleReferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField()


class ResultsSerializer(serializers.Serializer):
    cycle = CycleReferenceSerializer()
    sector = serializers.CharField(
        allow_null=True, help_text="The sector counted; null: every sector."
    )
    valid_submissions = serializers.IntegerField(
        help_text="Submitted and not excluded (as partial or duplicate)."
    )
    previous_cycle = CycleReferenceSerializer(allow_null=True)
    previous_valid_submissions = serializers.IntegerField(allow_null=True)
    standards = StandardResultSerializer(many=True)


def results_data(results, before, sector: str | None) -> dict:
    """The shape above from audits.selectors.compliance_with_previous."""
    earlier = (
        {r.standard.number: r.compliance.percent for r in before.standards}
        if before
        else {}
    )
    standards = []
    for row in results.standards:
        now, then = row.compliance.percent, earlier.get(row.standard.number)
        standards.append(
            {
                "id": row.standard.pk,
                "number": row.standard.number,
                "title": row.standard.title,
                "fully_met": row.compliance.fully,
                "applies": row.compliance.applies,
                "percent": now,
                "previous_percent": then,
                "change": None if now is None or then is None else now - then,
                "questions": [
                    {
                        "id": question.pk,
                        "code": f"{row.standard.number}.{question.number}",
                        "text": question.text,
                        "fully_met": counted.fully,
                        "applies": counted.applies,
                        "percent": counted.percent,
                    }
                    for question, counted in row.questions
                ],
            }
        )
    return {
        "cycle": {"id": results.cycle.pk, "year": results.cycle.year},
        "sector": sector,
        "previous_cycle": (
            {"id": before.cycle.pk, "year": before.cycle.year} if before else None
        ),
        "previous_valid_submissions": before.valid if before else None,
        "valid_submissions": results.valid,
        "standards": standards,
    }


# Case audits -------------------------------------------------------------------


class GradingSerializer(serializers.ModelSerializer):
    grading = described_choice(Grading.choices)

    class Meta:
        model = CaseAuditGrading
        fields = ["case", "grading"]
        read_only_fields = fields


class RecommendationSerializer(serializers.ModelSerializer):
    """A case audit recommendation. Expects the business plan action joined."""

    audit = serializers.IntegerField(source="audit_id", read_only=True)
    status = described_choice(RecommendationStatus.choices)
    rag = described_choice(Rag.choices, blank=True, what="The RAG rating. ")
    is_open = serializers.BooleanField(read_only=True, help_text="Not complete.")
    business_plan_action = PlanActionReferenceSerializer(
        read_only=True,
        allow_null=True,
        help_text="The business plan action that carries it out.",
    )

    class Meta:
        model = CaseAuditRecommendation
        fields = [
            "id",
            "audit",
            "number",
            "text",
            "owner_agency",
            "due_date",
            "status",
            "rag",
            "evidence",
            "is_open",
            "business_plan_action",
            "version",
            "modified_at",
        ]
        read_only_fields = fields


class GroupReferenceSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class CaseAuditSerializer(serializers.ModelSerializer):
    """A themed multi-agency case audit. Expects the view's queryset (group
    joined, gradings and recommendations prefetched)."""

    group = GroupReferenceSerializer(
        read_only=True,
        allow_null=True,
        help_text="The Quality Assurance Group that ran it.",
    )
    gradings = GradingSerializer(many=True, read_only=True)
    gradings_summary = serializers.SerializerMethodField(
        help_text='e.g. "3 requires improvement, 1 good": the most common first.'
    )
    recommendations = RecommendationSerializer(many=True, read_only=True)

    class Meta:
        model = CaseAudit
        fields = [
            "id",
            "theme",
            "group",
            "audited_on",
            "cases_audited",
            "gradings",
            "gradings_summary",
            "good_practice",
            "areas_for_improvement",
            "recommendations",
            "version",
            "modified_at",
        ]
        read_only_fields = fields

    def get_gradings_summary(self, audit) -> str:
        return gradings_summary(audit.gradings.all())


class RecommendationProgressSerializer(serializers.Serializer):
    """Where a recommendation stands: its status, a RAG (Complete when complete),
    the evidence (needed to complete it) and the version you start from."""

    status = described_choice(RecommendationStatus.choices, read_only=False)
    rag = described_choice(
        Rag.choices,
        blank=True,
        what="The RAG rating. ",
        choices=[*Rag.choices, ("", "Not rated")],
        read_only=False,
        allow_blank=True,
        required=False,
        default="",
    )
    evidence = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )
    version = _version("recommendation")
