"""Plain-Python domain: values, enums and pure rules. Imports neither Qt nor SQLAlchemy."""
