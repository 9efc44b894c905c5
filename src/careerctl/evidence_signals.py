"""The bundled KB's evidence signals: path globs per skill id, for `evidence scan`.

A KB declares its own with `evidence:` on a skill (docs/kb-format.md); this table stands in for
the bundled KB's skills that declare none. It names the ids of both editions of the bundled KB
(`containers-orchestration` of the first, `containers` and `kubernetes` of the second), so it
works before and after the second edition lands; ids a KB lacks are ignored. Globs name files
by path only: the scan never reads a file's contents.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from careerctl.model import KnowledgeBase

CONTAINERS = (
    "Dockerfile", "Dockerfile.*", "*.dockerfile", "Containerfile", ".dockerignore",
    "docker-compose*.yml", "docker-compose*.yaml", "compose.yml", "compose.yaml",
)  # fmt: skip
KUBERNETES = (
    "**/k8s/**/*.yaml", "**/k8s/**/*.yml", "**/kubernetes/**/*.yaml", "**/kubernetes/**/*.yml",
    "**/manifests/**/*.yaml", "kustomization.yaml", "kustomization.yml", "Chart.yaml",
    "**/charts/**/*.yaml", "**/charts/**/*.tpl", "**/helm/**/*.yaml", "helmfile.yaml", "skaffold.yaml",
)  # fmt: skip
OBSERVABILITY = (
    "prometheus*.yml", "prometheus*.yaml", "alertmanager*.yml", "alertmanager*.yaml", "*.rules.yml",
    "*.rules.yaml", "**/alerts/**/*.yml", "**/alerts/**/*.yaml", "**/grafana/**", "**/dashboards/**/*.json",
    "otel*.yaml", "otel*.yml", "*otel-collector*", "**/opentelemetry/**", "**/monitoring/**",
    "datadog*.yaml", "loki*.yaml", "tempo*.yaml", "jaeger*.yaml",
)  # fmt: skip
INCIDENTS = ("**/runbooks/**", "**/runbook/**", "**/postmortems/**", "**/incidents/**", "**/on-call/**")
SECURITY = (
    ".github/dependabot.yml", ".github/dependabot.yaml", "renovate.json", ".snyk", "SECURITY.md",
    ".trivyignore", "*.rego", ".github/codeql/**", ".semgrep.yml", ".semgrep/**", "**/security/**",
)  # fmt: skip
LINUX = ("*.sh", "*.bash", "*.service", "*.timer", "Makefile", "*.mk")
NETWORK = ("nginx*.conf", "**/nginx/**", "haproxy.cfg", "Caddyfile", "envoy*.yaml", "*.zone")
TALKS = ("**/slides/**", "**/talks/**", "*.pptx", "*.key", "**/workshops/**")
ADVOCACY = ("**/examples/**", "**/tutorials/**", "**/blog/**", "**/samples/**")
MACHINE_LEARNING = ("*.ipynb", "**/notebooks/**", "**/training/**", "**/models/**/*.py")

SIGNALS: Mapping[str, Sequence[str]] = {
    "programming-languages": (
        "*.py",
        "*.go",
        "*.java",
        "*.kt",
        "*.rb",
        "*.php",
        "*.js",
        "*.mjs",
        "*.ts",
        "*.cs",
        "*.rs",
        "*.scala",
        "*.ex",
        "*.exs",
        "*.c",
        "*.cc",
        "*.cpp",
        "*.swift",
        "*.clj",
        "*.erl",
        "*.hs",
    ),  # fmt: skip
    "frontend-basics": ("*.html", "*.css", "*.scss", "*.sass", "*.less"),
    "frontend-frameworks": ("*.jsx", "*.tsx", "*.vue", "*.svelte", "angular.json", "vite.config.*"),
    "testing-debugging": (
        "**/test/**",
        "**/tests/**",
        "**/__tests__/**",
        "**/spec/**",
        "test_*.py",
        "*_test.py",
        "*_test.go",
        "*.test.js",
        "*.test.ts",
        "*.spec.js",
        "*.spec.ts",
        "*Test.java",
        "*_spec.rb",
        "conftest.py",
        "pytest.ini",
        "jest.config.*",
    ),  # fmt: skip
    "test-automation": (
        "**/e2e/**",
        "cypress/**",
        "cypress.config.*",
        "playwright.config.*",
        "**/features/*.feature",
        "**/selenium/**",
        "**/load-tests/**",
    ),  # fmt: skip
    "ci-cd": (
        ".github/workflows/*.yml",
        ".github/workflows/*.yaml",
        ".gitlab-ci.yml",
        "Jenkinsfile",
        ".circleci/config.yml",
        "azure-pipelines.yml",
        ".travis.yml",
        "bitbucket-pipelines.yml",
        ".drone.yml",
        ".buildkite/**",
        "cloudbuild.yaml",
        ".woodpecker.yml",
    ),  # fmt: skip
    "containers": CONTAINERS,
    "kubernetes": KUBERNETES,
    "containers-orchestration": CONTAINERS + KUBERNETES,
    "infrastructure-as-code": (
        "*.tf",
        "*.tfvars",
        "*.hcl",
        "Pulumi.yaml",
        "Pulumi.*.yaml",
        "**/ansible/**",
        "playbook*.yml",
        "**/cloudformation/**",
        "*.bicep",
        "cdk.json",
    ),  # fmt: skip
    "cloud-services": ("serverless.yml", "serverless.yaml", "samconfig.toml", "template.yaml", "app.yaml"),
    "sql": ("*.sql",),
    "database-design": (
        "**/migrations/**",
        "**/migrate/**",
        "**/alembic/**",
        "**/flyway/**",
        "**/liquibase/**",
        "schema.sql",
        "*.prisma",
    ),  # fmt: skip
    "data-modelling": ("*.prisma", "models.py", "**/entities/**", "*.avsc", "**/schemas/**/*.json"),
    "api-development": (
        "openapi*.yaml",
        "openapi*.yml",
        "openapi*.json",
        "swagger*.yaml",
        "swagger*.yml",
        "swagger*.json",
        "*.raml",
        "*.http",
    ),  # fmt: skip
    "api-protocols": ("*.graphql", "*.gql", "*.proto", "buf.yaml"),
    "observability-incident-response": OBSERVABILITY + INCIDENTS,
    "observability": OBSERVABILITY,
    "incident-response": INCIDENTS,
    "security": SECURITY,
    "application-security": SECURITY,
    "linux-networking": LINUX + NETWORK,
    "linux": LINUX,
    "networking": NETWORK,
    "web-servers-hosting": (
        "nginx*.conf",
        "**/nginx/**",
        "Caddyfile",
        "haproxy.cfg",
        ".htaccess",
        "Procfile",
    ),
    "data-engineering": ("**/dags/**", "**/airflow/**", "**/spark/**", "**/etl/**", "**/pipelines/**/*.py"),
    "analytics-engineering": ("dbt_project.yml", "**/dbt/**", "*.lookml"),
    "ai-ml-backends": MACHINE_LEARNING + ("**/prompts/**", "**/embeddings/**"),
    "machine-learning": MACHINE_LEARNING,
    "mlops": ("MLproject", "dvc.yaml", "*.dvc", "**/serving/**", "bentofile.yaml"),
    "llm-applications": ("**/prompts/**", "**/embeddings/**", "**/rag/**"),
    "performance-optimisation": (
        "**/benchmarks/**",
        "**/bench/**",
        "*_bench.go",
        "*.jmx",
        "**/k6/**",
        "locustfile.py",
        "**/perf/**",
    ),  # fmt: skip
    "message-queues-streaming": ("**/kafka/**", "**/consumers/**", "**/producers/**", "**/queues/**"),
    "search-engines": ("**/elasticsearch/**", "**/opensearch/**", "**/solr/**"),
    "reliability-engineering": ("*slo*.yaml", "*slo*.yml", "**/slos/**", "**/chaos/**"),
    "platform-engineering": ("catalog-info.yaml", "**/backstage/**", "**/golden-path*/**"),
    "architecture-governance": ("**/adr/**", "**/adrs/**", "**/decisions/**", "**/docs/architecture/**"),
    "technical-writing": ("*.md", "*.rst", "*.adoc", "**/docs/**"),
    "backend-frameworks": (
        "manage.py",
        "settings.py",
        "pom.xml",
        "build.gradle",
        "build.gradle.kts",
        "Gemfile",
        "composer.json",
        "go.mod",
        "*.csproj",
        "nest-cli.json",
        "artisan",
        "config/routes.rb",
    ),  # fmt: skip
    "system-design": ("**/design-docs/**", "**/docs/design/**", "**/rfcs/**", "*.puml", "*.drawio", "*.c4"),
    "version-control": (
        ".gitattributes",
        "CODEOWNERS",
        ".github/CODEOWNERS",
        ".github/pull_request_template.md",
        ".pre-commit-config.yaml",
        ".gitmodules",
    ),  # fmt: skip
    "caching": ("redis*.conf", "*.vcl", "**/cache/**", "**/caching/**"),
    "nosql-databases": ("*.cql", "**/mongo*/**", "**/dynamodb/**", "**/cassandra/**"),
    "realtime-apis": ("**/websocket*/**", "**/websockets/**", "**/sse/**", "**/realtime/**"),
    "authentication-authorisation": ("**/auth/**", "**/oauth/**", "**/authz/**", "**/rbac/**"),
    "public-speaking-advocacy": TALKS + ADVOCACY,
    "public-speaking": TALKS,
    "developer-advocacy": ADVOCACY,
    "ai-assisted-development": (
        ".github/copilot-instructions.md",
        "AGENTS.md",
        "CLAUDE.md",
        ".cursorrules",
        "**/.cursor/**",
    ),  # fmt: skip
}


def signals_for(kb: KnowledgeBase, bundled: bool) -> dict[str, tuple[str, ...]]:
    """Each skill's globs: its own `evidence:`, else (for the bundled KB only) this table's."""
    found: dict[str, tuple[str, ...]] = {}
    for skill in kb.skills.values():
        globs = skill.evidence or (tuple(SIGNALS.get(skill.id, ())) if bundled else ())
        if globs:
            found[skill.id] = tuple(globs)
    return found
