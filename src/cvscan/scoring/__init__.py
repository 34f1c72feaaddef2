"""Score CVs against role profiles and job descriptions."""

from .job import job_profile
from .model import CvFeatures, KeywordMatch, RoleFit, RoleScorer
from .profiles import Keyword, RoleProfile, load_roles

__all__ = ["CvFeatures", "Keyword", "KeywordMatch", "RoleFit", "RoleProfile", "RoleScorer",
           "job_profile", "load_roles"]
