"""The words a chart uses for kinds, areas, channels, practices and lifecycle phases, with their meanings.

Enumerations that the rules depend on are closed (``Literal``): a typo there is an
error. Channels and practices are open vocabularies, because every operation names
its own; the known words below are the ones the maturity rules read, and
``planner check`` warns about an unknown word with the closest known one.

Every word has a one-line meaning, in our own words, drawn from the published
sources the maturity models cite: A. Pradhan's consumer engagement maturity model
(2013); C. McKnight, "Assessing and Improving Your Customer Engagement Maturity"
(Digital Clarity Group, 2013); "Customer Engagement: III. Operational Capabilities
of Marketing; IV. Centers of Excellence"; "Information maturities"; and "How can
marketing organizations develop a quick self-assessment of their customer-engagement
capabilities?". The meanings are what ``planner vocab``, the JSON Schema and the
editor's word picker show, so a user finds the words that count without reading code.
The meaning dicts are the single source: the known word sets are their keys, and a
test holds each ``Literal`` equal to its dict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

OrgKind = Literal["vendor", "subcontractor", "bpo", "agency", "partner"]
ORG_KINDS: dict[str, str] = {
    "vendor": "Sells or rents the operation a product or a service: software, data, media.",
    "subcontractor": "Does a defined part of the work under contract, inside the operation's own process.",
    "bpo": "Business process outsourcing provider: runs a whole process (contact centre, data entry) for the operation.",
    "agency": "Creative, media or interactive agency: design, copy, campaigns, digital strategy.",
    "partner": "Service, technology or syndication partner that fills a gap in skills or reach.",
}

Sourcing = Literal["build", "buy", "rent"]
SOURCING: dict[str, str] = {
    "build": "Built and run by the operation or its IT department.",
    "buy": "A licensed product the operation installs and runs.",
    "rent": "Used as a service for a fee (SaaS, hosted platforms).",
}

SystemRole = Literal["record", "engagement", "insight", "content", "infrastructure"]
SYSTEM_ROLES: dict[str, str] = {
    "record": "System of record: holds the transactions and the customer record (CRM, ERP, billing).",
    "engagement": "System of engagement: where customers are met (web, email, mobile, social, contact centre).",
    "insight": "Analytics: web analytics, data marts, dashboards, models.",
    "content": "Creates and manages content (web content management, digital assets).",
    "infrastructure": "Plumbing that others run on: integration, identity, hosting.",
}

DataKind = Literal[
    "suspect_buyer", "prospecting", "subscriber", "sales_force_automation", "operational_crm",
    "analytic_data_mart", "targeted_messaging", "enterprise_marketing_db", "web_analytics",
    "social_listening", "loyalty", "other",
]
DATA_KINDS: dict[str, str] = {
    "suspect_buyer": "Possible buyers not yet in touch: bingo cards, bartered lists, warranty cards, promotional contests.",
    "prospecting": "Likely sales prospects: e-mail addresses, guest-book entries and similar sign-ups.",
    "subscriber": "Active newsletter subscribers and webinar participants, also known as interactive sales leads.",
    "sales_force_automation": "Prospect contacts and interaction histories with profile and buying criteria, kept by sales.",
    "operational_crm": "Business records of customers: transactions, help-desk cases, returns, re-orders, credit levels.",
    "analytic_data_mart": "Large data for fast analysis, enriched with compiled data such as credit histories and profiles.",
    "targeted_messaging": "Which message, imagery and copy each customer received, linked to preferences and purchases.",
    "enterprise_marketing_db": "Marketing's own database, integrating the source kinds above into one customer view.",
    "web_analytics": "Visits, content consumed and browsing history on the digital channels.",
    "social_listening": "What people say on social networks: mentions, influencers, public profiles.",
    "loyalty": "Loyalty program members, their tiers, points and rewards.",
    "other": "Any other data source.",
}

Area = Literal["creation", "delivery", "measurement", "service", "sales", "management"]
AREAS: dict[str, str] = {
    "creation": "How content is produced, sourced, maintained and planned for every channel (one of McKnight's three areas).",
    "delivery": "The channels, sources and sharing through which content and campaigns reach people (McKnight).",
    "measurement": "Measuring the impact, reach, sharing and conversation around what was delivered (McKnight).",
    "service": "Answering and supporting customers: contact centre, help desk, returns.",
    "sales": "Selling and account management: leads, opportunities, orders.",
    "management": "Running the operation itself: planning, budgets, partners, performance.",
}

Phase = Literal["suspect", "prospect", "known", "profiled", "customerized"]
PHASES: dict[str, str] = {
    "suspect": "People who might buy but have not yet shown interest (the suspect-buyer sources).",
    "prospect": "People who showed interest and are likely buyers (the prospecting sources).",
    "known": "First-time buyers: the operation knows who they are.",
    "profiled": "First-time and returning buyers with a profile of their preferences and history.",
    "customerized": "Customers kept engaged with personas and policy-managed subscriptions; where the return is highest.",
}
"""Five customer-engagement lifecycle phases. The self-assessment article names known,
profiled and customerized buyers; the first two follow the suspect-buyer and
prospecting data sources of the operational-capabilities article."""

Stage = Literal["I", "II", "III"]
STAGES: dict[str, str] = {
    "I": "Initiating: the capability has started for this phase.",
    "II": "Refining: it runs and is being improved.",
    "III": "Mastering: it is mastered and a source of advantage.",
}

CoeScope = Literal["internal", "shared", "outsourced"]
COE_SCOPES: dict[str, str] = {
    "internal": "Inside the enterprise: marketing, sales, social media, service or web operations.",
    "shared": "A shared service, used by several units or firms.",
    "outsourced": "Run by an outside service provider the operation partners with.",
}

Direction = Literal["higher", "lower"]
DIRECTIONS: dict[str, str] = {
    "higher": "A higher measured value is better (availability, satisfaction).",
    "lower": "A lower measured value is better (cost, cycle time, errors).",
}

ImprovementKind = Literal["cost", "cycle_time", "quality"]
IMPROVEMENT_KINDS: dict[str, str] = {
    "cost": "Continuous reduction of cost.",
    "cycle_time": "Continuous reduction of cycle time.",
    "quality": "Continuous improvement of quality.",
}

ChartState = Literal["current", "future"]
CHART_STATES: dict[str, str] = {
    "current": "How the operation works today.",
    "future": "A planned state: how the operation is meant to work after changes.",
}

CHANNELS: dict[str, str] = {
    "web": "The website, reached from a desktop browser.",
    "email": "E-mail: newsletters, campaigns, notifications.",
    "mobile": "The mobile web and mobile-optimized content.",
    "tablet": "Content optimized for tablets.",
    "sms": "Text messages.",
    "app": "The operation's native mobile apps.",
    "social": "Social networks: posting, listening and answering.",
    "search": "Search engines and site search, where visitors arrive and find their way.",
    "display": "Display and banner advertising.",
    "video": "Video: streaming, video sites, webcasts.",
    "print": "Printed material: brochures, catalogues, inserts.",
    "direct_mail": "Addressed mail to a list of customers or prospects.",
    "call_center": "Telephone contact centre, inbound or outbound.",
    "chat": "Live or automated chat.",
    "retail": "Stores and branches: face to face.",
    "events": "Events, trade shows, sponsorships.",
    "webinar": "Webinars and online presentations.",
    "partner": "Through partners: resellers, affiliates, syndication.",
    "field_sales": "Sales people visiting customers.",
}
"""Channels the rules recognise; ``mobile`` covers mobile web, ``app`` native apps."""

MOBILE_CHANNELS: frozenset[str] = frozenset({"mobile", "tablet", "sms", "app"})

PRACTICES: dict[str, str] = {
    # creation
    "editorial_calendar": "Content is planned on an editorial calendar.",
    "web_ready_content": "Content is written for the web, not copied over from print.",
    "rich_media": "Rich content (images, video, audio) beside text, kept current.",
    "content_reuse": "Content from several sources is combined and reused to present one view to customers.",
    "localization": "Content is translated and adapted to the language and culture of each regional audience.",
    "audience_specific_content": "Content is made for specific audiences and lines of business across the organization.",
    "decentralized_content": "Content processing is spread across teams instead of one central publisher.",
    "community_content": "Content a community contributes is actively captured and used.",
    "user_generated_content": "Customers' own posts, photos, videos and comments are collected and shared.",
    "ratings_reviews": "Customer ratings and reviews are collected and shown.",
    "media_services": "Media production and management services that let engagement managers create compelling experiences.",
    # delivery and programs
    "mass_email": "One e-mail message is sent to a whole list.",
    "direct_marketing": "Mail or other direct communication sent to a list, the same for everyone on it.",
    "campaign_management": "Coordinated multichannel campaigns are planned, automated and tracked.",
    "syndication": "Content is shared through syndication partners for depth and reach.",
    "segmentation": "Customers are grouped into segments by buying patterns or demographics, and messages target segments.",
    "dynamic_segmentation": "Segments are recomputed from activity as it happens, narrowing to small segments.",
    "lead_scoring": "Prospects and users are scored by their activity to rank them for follow-up.",
    "lead_generation": "Sales leads are generated, often through partners or agents.",
    "personalization": "Offers and content are personalized from a customer's buying patterns and history.",
    "one_to_one_personalization": "Products, prices and promotions are tailored to each individual customer.",
    "proactive_outreach": "The operation reaches out to customers before they get in touch.",
    "loyalty_program": "A loyalty program in basic form: store card, membership card.",
    "loyalty_rewards": "Loyalty rewards customers understand: cash back, miles, tiers.",
    "adaptive_pricing": "Prices adapt to a customer's loyalty or value.",
    "cross_device_experience": "The experience continues as a customer moves between devices.",
    "search_optimization": "Search is tuned, and what visitors look for is studied to improve content.",
    # service
    "reactive_service": "Customers are answered when they get in touch: questions, complaints, returns.",
    "transaction_history_access": "Front-line staff see the customer's transaction history.",
    # measurement
    "visitor_tracking": "Site visitors and the length of their visits are counted.",
    "channel_analytics": "Visitors and results are measured per channel.",
    "variant_testing": "Variants of content or messages are tested against each other (A/B tests).",
    "customer_feedback": "Customers have a way to give feedback, and it is read: a two-way conversation.",
    "social_monitoring": "Social channels are actively monitored for mentions, influencers and conversations.",
    "social_engagement": "The operation takes part in conversations on social channels.",
    "multi_source_analysis": "Several data sources are combined and analysed together.",
    "predictive_modeling": "Predictive models of buying patterns are in use.",
    "customer_value_scoring": "Customers are ranked by value and tenure (a silver member for three years).",
    "lifetime_value": "Customer lifetime value is computed and steers programs and the relationship.",
    "closed_loop_optimization": "What every channel measures is fed back to optimize content and offers.",
    "wom_tracking": "The contribution of word-of-mouth and referral agents is tracked.",
    "financial_dashboard": ("Dashboards attribute business-model performance to contributors such "
                            "as lead-generation or word-of-mouth agents."),
    # management and IT services
    "strategic_planning": "A plan with objectives and measurable goals, reviewed and adapted on a cadence.",
    "partner_selection": "Service partners are investigated, assessed and selected to fill capability gaps.",
    "it_service_management": ("IT-based engagement services are managed as services: catalogue, "
                              "service levels, incident and change management."),
    "policy_managed_services": "Self-managing systems deliver IT-based engagement services under service policies.",
}

KNOWN_CHANNELS: frozenset[str] = frozenset(CHANNELS)
"""Channels the rules recognise (the keys of :data:`CHANNELS`)."""

KNOWN_PRACTICES: frozenset[str] = frozenset(PRACTICES)
"""Practices the built-in maturity rules look for (the keys of :data:`PRACTICES`). Others are allowed and kept."""

CAPABILITY_WORDS: dict[str, dict[str, str]] = {"channels": CHANNELS, "practices": PRACTICES}
"""Fields of a capability that take words of an open vocabulary, with the known words and meanings."""


@dataclass(frozen=True)
class Vocabulary:
    """One vocabulary as users look it up: where its words go, whether others are allowed, the words."""

    name: str
    field: str
    meanings: dict[str, str]
    open: bool = False


VOCABULARIES: dict[str, Vocabulary] = {v.name: v for v in (
    Vocabulary("practices", "capabilities[].practices", PRACTICES, open=True),
    Vocabulary("channels", "capabilities[].channels", CHANNELS, open=True),
    Vocabulary("areas", "capabilities[].area", AREAS),
    Vocabulary("data-kinds", "data[].kind", DATA_KINDS),
    Vocabulary("org-kinds", "orgs[].kind", ORG_KINDS),
    Vocabulary("phases", "capabilities[].phases (keys)", PHASES),
    Vocabulary("stages", "capabilities[].phases (values)", STAGES),
    Vocabulary("sourcing", "systems[].sourcing", SOURCING),
    Vocabulary("roles", "systems[].role", SYSTEM_ROLES),
    Vocabulary("coe-scopes", "coes[].scope", COE_SCOPES),
)}
"""Every vocabulary of a chart by the name ``planner vocab --kind`` uses, in display order."""

CLOSED_MEANINGS: tuple[dict[str, str], ...] = (
    ORG_KINDS, SOURCING, SYSTEM_ROLES, DATA_KINDS, AREAS, PHASES, STAGES, COE_SCOPES, DIRECTIONS, IMPROVEMENT_KINDS,
    CHART_STATES,
)
"""The meanings of the closed vocabularies, for the JSON Schema's per-value descriptions."""
