"""Configuration, read once at start from the environment (and `serve` flags)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from assessment.anonymity import MIN_GROUP_SIZE, check_group_size

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
ANY_TENANT = "*"


class Settings(BaseSettings):
    """Bot settings; credentials use the Bot Framework's usual variable names."""

    model_config = SettingsConfigDict(env_prefix="TWELVECS_", extra="ignore", populate_by_name=True)

    app_id: str = Field(
        "",
        validation_alias=AliasChoices("MicrosoftAppId", "TWELVECS_APP_ID"),
        description="Entra app (client) id of the Azure Bot; empty turns authentication off.",
    )
    app_password: str = Field(
        "",
        validation_alias=AliasChoices("MicrosoftAppPassword", "TWELVECS_APP_PASSWORD"),
        description="Client secret of that app registration.",
        repr=False,
    )
    app_type: Literal["SingleTenant", "MultiTenant", "UserAssignedMSI"] = Field(
        "SingleTenant",
        validation_alias=AliasChoices("MicrosoftAppType", "TWELVECS_APP_TYPE"),
        description="How the bot authenticates; twelvecs is meant to run single tenant.",
    )
    app_tenant_id: str = Field(
        "",
        validation_alias=AliasChoices("MicrosoftAppTenantId", "TWELVECS_APP_TENANT_ID"),
        description="Tenant of the app registration (required for SingleTenant).",
    )
    host: str = Field("127.0.0.1", description="Address to listen on.")
    port: int = Field(3978, ge=1, le=65535, description="Port to listen on.")
    data_dir: Path = Field(Path("data"), description="Folder of the embedded TinyDB store.")
    store: Literal["tinydb", "postgres"] = Field("tinydb", description="Which store to use.")
    postgres_dsn: str = Field("", description="PostgreSQL DSN when store=postgres.", repr=False)
    administrators: Annotated[frozenset[str], NoDecode] = Field(
        frozenset(),
        description="AAD object ids who may act as lead anywhere in the tenant (comma-separated).",
    )
    allow_unauthenticated_public: bool = Field(
        False, description="Listen on a non-loopback address without credentials (unsafe)."
    )
    locale: str = Field(
        "en",
        description="Language for people whose Teams language the bot does not speak (en, cy);"
        " each person's own choice (`language`/`iaith`) or Welsh Teams client wins.",
    )
    bilingual_posts: bool = Field(
        True,
        description="Post announcements and reminders in Welsh and English together (the"
        " partnership chooses which comes first with `iaith`); false: in TWELVECS_LOCALE only,"
        " for deployments outside Wales (issue 13).",
    )
    connector_retry_base_seconds: float = Field(
        1.0, gt=0, le=4,
        description="First backoff ceiling when Teams throttles a call (tests shorten it).",
    )
    log_level: str = Field("INFO", description="Python logging level.")

    # Inbound authentication (bot/botframework/inbound_auth.py, bot/botframework/signing_keys.py)
    openid_metadata_url: str = Field(
        "https://login.botframework.com/v1/.well-known/openidconfiguration",
        pattern=r"^https?://",
        description="Bot Framework OpenID metadata whose JWKS signs Teams' tokens (tests: a stub).",
    )
    signing_keys_timeout_seconds: float = Field(
        5.0, gt=0, le=30,
        description="Longest wait for each of the two key fetches (metadata, then keys); a"
        " request whose keys could not be fetched gets 401.",
    )

    # -- tenants the bot serves -------------------------------------------------------------
    allowed_tenants: Annotated[frozenset[str], NoDecode] = Field(
        frozenset(),
        description=(
            "Entra tenant ids whose activities the bot serves (comma-separated); `*` serves"
            " any tenant. Unset: the app's own tenant (MicrosoftAppTenantId) for a SingleTenant"
            " app with a tenant set, else any tenant. See `tenant_allow_list`."
        ),
    )

    # -- pseudonymous storage, erasure and retention (UK GDPR) ----------------------------
    pseudonym_key: SecretStr = Field(
        SecretStr(""),
        description="Secret (16+ characters) keying respondents of anonymous rounds; "
        "overrides the key file. Never logged.",
    )
    pseudonym_key_file: Path | None = Field(
        None,
        description="File holding that key, outside the data folder (default: "
        "$XDG_CONFIG_HOME/twelvecs/pseudonym.key, made with mode 0600 on first start).",
    )
    retention_days: int = Field(
        365,
        ge=1,
        description="Days after a round closes before its individual responses go, and after"
        " a person last used the bot before their record goes.",
    )
    purge_interval_hours: float = Field(
        24, gt=0, description="How often the retention purge runs while the bot is up."
    )

    # Anonymity (assessment.anonymity): k, the fewest people any lead-visible figure rests on.
    min_group_size: int = Field(
        MIN_GROUP_SIZE,
        description="k: a figure or agency group is shown to leads only when at least this many"
        " people rated it or belong to it; anonymous rounds publish figures in steps of k"
        f" submissions. Never below {MIN_GROUP_SIZE}.",
    )

    # -- follow-through (issue 11): reminders the bot sends on its own ---------------------
    reminder_idle_days: int = Field(
        7, ge=1, le=60,
        description="Days after a practitioner last answered an unfinished response before the"
        " bot reminds them (at most once a week, never after the round closes).",
    )
    scheduler_interval_seconds: float = Field(
        900, ge=0,
        description="How often the reminder scheduler looks for due reminders; 0 turns the"
        " scheduler off (tests call its tick by hand).",
    )

    # -- scale-out on PostgreSQL (issue 14; README "Deployment") ----------------------------
    postgres_schema: str = Field(
        "twelvecs", pattern=r"^[a-z_][a-z0-9_]{0,62}$",
        description="PostgreSQL schema holding the tables (one per deployment).",
    )
    postgres_pool_size: int = Field(
        10, ge=2, le=100,
        description="Connections each worker process may open (at least 2: the retention"
        " purge holds one for its lock while it works through another); keep instances ×"
        " workers × this below the server's max_connections (less its reserved ones).",
    )
    workers: int = Field(
        1, ge=1, le=64,
        description="Processes serving one port (PostgreSQL only; `serve --workers auto` = cores).",
    )
    shutdown_grace_seconds: float = Field(
        10, gt=0, le=60,
        description="On SIGTERM, how long turns in flight may take before the process stops.",
    )
    event_loop: Literal["uvloop", "asyncio"] = Field(
        "uvloop",
        description="The event loop serving turns: uvloop (installed on Linux and macOS; ~6 %"
        " less CPU a Start, measured) or Python's own asyncio loop (used where uvloop is not"
        " installed).",
    )

    # -- the board's report: signed download links (reporting.links) ----------------------
    public_url: str = Field(
        "",
        description="The bot's public https address (its messaging endpoint without "
        "/api/messages); report download links start with it. Empty: http://host:port.",
    )
    report_link_key: SecretStr = Field(
        SecretStr(""),
        description="Secret (16+ characters) signing report download links. Empty: derived "
        "from the pseudonym key (configuration or key file, never beside the data). Every bot "
        "process behind one address must share it. Never logged.",
    )

    @property
    def report_base_url(self) -> str:
        return self.public_url.rstrip("/") or f"http://{self.host}:{self.port}"

    @field_validator("min_group_size")
    @classmethod
    def _at_least_minimum(cls, value: int) -> int:
        return check_group_size(value)

    @field_validator("administrators", "allowed_tenants", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(part.strip() for part in value.split(",") if part.strip())
        return value

    @property
    def authentication_enabled(self) -> bool:
        return bool(self.app_id)

    @property
    def tenant_allow_list(self) -> frozenset[str] | None:
        """The tenants served, or None for any tenant: `TWELVECS_ALLOWED_TENANTS` when set
        (`*` = any), else the app's own tenant for a SingleTenant app that names one."""
        if ANY_TENANT in self.allowed_tenants:
            return None
        if self.allowed_tenants:
            return self.allowed_tenants
        if self.app_type == "SingleTenant" and self.app_tenant_id:
            return frozenset({self.app_tenant_id})
        return None

    def check_exposure(self) -> None:
        """Refuse to serve the open internet with authentication off, unless told to."""
        exposed = self.host not in LOOPBACK_HOSTS
        if exposed and not self.authentication_enabled and not self.allow_unauthenticated_public:
            raise ValueError(
                f"refusing to listen on {self.host} without MicrosoftAppId/MicrosoftAppPassword:"
                " anyone could post to the bot. Set the credentials, listen on 127.0.0.1, or pass"
                " --allow-unauthenticated-public if you really mean it."
            )
