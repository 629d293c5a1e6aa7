# tally — the two commands: `make demo` and `make test`.
# Both install what is missing (Debian packages via scripts/install-deps.sh), then build.

BUILD_DIR ?= build
JOBS ?= $(shell nproc)

.PHONY: all deps build web build-debug build-asan test test-unit test-sql demo bench clean

all: build

deps:
	@./scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake --preset release >/dev/null

build: deps $(BUILD_DIR)/build.ninja web
	cmake --build $(BUILD_DIR) -j$(JOBS)

# The PyPI app's front end (apps/pypi/web), built into $(BUILD_DIR)/web, beside the tally
# binary, where `tally server` serves it from. npm 11's `ci` can reject a lock holding optional
# platform packages (Vite's native bundler): then `npm install` from the same lock.
web: deps
	cd apps/pypi/web && (npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error) && \
	  TALLY_WEB_OUT=$(abspath $(BUILD_DIR))/web npm run build --silent

build-debug: deps
	cmake --preset debug >/dev/null && cmake --build build-debug -j$(JOBS)

build-asan: deps
	cmake --preset asan >/dev/null && cmake --build build-asan -j$(JOBS)

# Unit tests, SQL tests (tests/queries), the ClickHouse reference check and fuzz smoke runs.
test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

test-sql: build
	cd $(BUILD_DIR) && ctest --output-on-failure -R '^sql\.' -j$(JOBS)

# Generates 200M realistic PyPI downloads (BigQuery-shaped Parquet), loads them with every
# rollup, and serves the dashboard with `tally server` (DEMO_DOWNLOADS, DEMO_DIR, DEMO_PORT).
demo: build
	./scripts/demo.sh

bench: build
	./scripts/install-deps.sh --bench
	./bench/run.sh

clean:
	rm -rf $(BUILD_DIR) build-debug build-asan
