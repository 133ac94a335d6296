"""The embedded SQLite default, taking as many parameters in a statement as this
SQLite build allows. Django 5.2 assumes the 999 of SQLite before 3.32, which
splits a bulk insert of a few hundred rows into dozens of statements: imports
then ran a number of queries that grew with the file, unlike on PostgreSQL."""

import sqlite3
from functools import cached_property

from django.db.backends.sqlite3 import base, features


class DatabaseFeatures(features.DatabaseFeatures):
    @cached_property
    def max_query_params(self) -> int:
        self.connection.ensure_connection()
        return self.connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures
