"""The words a chart uses for kinds, areas, channels, practices and lifecycle phases.

Enumerations that the rules depend on are closed (``Literal``): a typo there is an
error. Channels and practices are open vocabularies, because every operation names
its own; the known words below are the ones the maturity rules read, and
``planner check`` warns about an unknown word with the closest known one.
"""

from __future__ import annotations

from typing import Literal

OrgKind = Literal["vendor", "subcontractor", "bpo", "agency", "partner"]
"""External organizations: seed 004 names staff, sub-contractors, vendors and BPO providers; seed 003 adds agencies and service partners."""

Sourcing = Literal["build", "buy", "rent"]
"""How a system is obtained (seed 004: what systems to build, buy or rent). ``rent`` covers SaaS."""

SystemRole = Literal["record", "engagement", "insight", "content", "infrastructure"]
"""Systems of record versus systems of engagement (seed 003), plus analytics, content and plumbing."""

DataKind = Literal[
    "suspect_buyer",
    "prospecting",
    "subscriber",
    "sales_force_automation",
    "operational_crm",
    "analytic_data_mart",
    "targeted_messaging",
    "enterprise_marketing_db",
    "web_analytics",
    "social_listening",
    "loyalty",
    "other",
]
"""Data sources of seed 004 (the first eight), plus the digital sources seed 003 adds."""

Area = Literal["creation", "delivery", "measurement", "service", "sales", "management"]
"""Where a capability sits. Creation, delivery and measurement are seed 003's three areas."""

Phase = Literal["suspect", "prospect", "known", "profiled", "customerized"]
"""Five customer-engagement lifecycle phases. Seed 001 asks for a self-assessment per
phase and names known buyers, profiled buyers and the customerized phase; the first
two phases follow the suspect and prospect data sources of seed 004."""

Stage = Literal["I", "II", "III"]
"""Seed 001's self-assessment states: I initiating, II refining, III mastering."""

CoeScope = Literal["internal", "shared", "outsourced"]
"""Seed 004: CoEs inside the enterprise, or shared and outsourced service providers."""

Direction = Literal["higher", "lower"]
"""Whether a higher or a lower measured value is better for a metric."""

ImprovementKind = Literal["cost", "cycle_time", "quality"]
"""Seed 004: CoEs commit to continuous cost and cycle-time reduction."""

ChartState = Literal["current", "future"]

KNOWN_CHANNELS: frozenset[str] = frozenset(
    {
        "web", "email", "mobile", "tablet", "sms", "app", "social", "search",
        "display", "video", "print", "direct_mail", "call_center", "chat",
        "retail", "events", "webinar", "partner", "field_sales",
    }
)
"""Channels the rules recognise; ``mobile`` covers mobile web, ``app`` native apps."""

MOBILE_CHANNELS: frozenset[str] = frozenset({"mobile", "tablet", "sms", "app"})

KNOWN_PRACTICES: frozenset[str] = frozenset(
    {
        "editorial_calendar", "web_ready_content", "rich_media", "content_reuse",
        "localization", "audience_specific_content", "decentralized_content",
        "community_content", "user_generated_content", "ratings_reviews",
        "mass_email", "direct_marketing", "campaign_management", "syndication",
        "segmentation", "dynamic_segmentation", "lead_scoring", "personalization",
        "one_to_one_personalization", "variant_testing", "customer_feedback",
        "social_monitoring", "social_engagement", "visitor_tracking",
        "channel_analytics", "multi_source_analysis", "predictive_modeling",
        "customer_value_scoring", "lifetime_value", "loyalty_program",
        "loyalty_rewards", "adaptive_pricing", "closed_loop_optimization",
        "transaction_history_access", "cross_device_experience",
        "proactive_outreach", "reactive_service", "search_optimization",
        "policy_managed_services",
    }
)
"""Practices the built-in maturity rules look for. Others are allowed and kept."""
