# Shared install logic for scripts/serve.sh and scripts/test.sh. Source it; do not run it.
#
# Every step checks first and installs only what is missing or has the wrong version, so a
# second run takes seconds. Nothing is downloaded from GitHub: this machine kind reaches only
# crates.io, npm and Debian (see README.md, "Tools, and why these versions").
#
#   ensure_build_tools   wasm32 target, trunk, wasm-bindgen-cli (= Cargo.lock), wasm-opt 132,
#                        wasm-split-cli
#   ensure_test_tools    the above, plus Chromium and the e2e node modules

# The versions we build with. trunk 0.22 needs rustc 1.96.1, so 0.21.14 is the newest that
# builds with our Rust 1.95. wasm-opt must be binaryen 132 from npm: Debian's binaryen 108
# produces a module that crashes in Chromium (`WebAssembly.Table.set(): Argument 1 is invalid`).
TRUNK_VERSION="0.21.14"
# wasm-split-cli splits the app's module into the parts loaded on first use (src/ui/lazy.rs,
# scripts/postbuild.mjs); 0.2.4 reads what leptos's wasm_split_helpers 0.2 writes.
WASM_SPLIT_VERSION="0.2.4"
BINARYEN_VERSION="132.0.0"
# terser minifies the app's wasm-bindgen bindings in release builds (scripts/postbuild.mjs):
# trunk's own JS minifier cannot parse them.
TERSER_VERSION="5.46.0"
WASM_OPT_MAJOR="132"
WASM_TARGET="wasm32-unknown-unknown"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="${AKS_PLANNER_TOOLS:-$HOME/.cache/aks-planner-tools}"
E2E_DIR="$REPO_ROOT/tests/e2e"

# cargo installs into ~/.cargo/bin; the npm binaryen goes FIRST so it shadows any system
# wasm-opt (trunk uses whichever wasm-opt is first on PATH: Trunk.toml leaves it unpinned).
export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# trunk: never download a tool, never phone home for an update check.
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"

step() { printf '\n==> %s\n' "$*" >&2; }
note() { printf '    %s\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" = 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        die "'$*' needs root and sudo is not installed; run it as root once, then retry"
    fi
}

require_base() {
    command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs), then retry"
    command -v rustup >/dev/null || die "rustup not found: the wasm32 target is added with rustup (https://rustup.rs)"
    command -v node >/dev/null || die "node not found: install Node.js 20 and npm (apt-get install nodejs npm), then retry"
    command -v npm >/dev/null || die "npm not found: install npm (apt-get install npm), then retry"
}

# The wasm-bindgen version pinned in Cargo.lock. trunk and the CLI must match it exactly.
lock_wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/^version = "|"$/, ""); print; exit }' \
        "$REPO_ROOT/Cargo.lock"
}

ensure_wasm_target() {
    if rustup target list --installed | grep -qx "$WASM_TARGET"; then
        note "rust target $WASM_TARGET: present"
    else
        step "Adding the $WASM_TARGET Rust target"
        rustup target add "$WASM_TARGET"
    fi
}

ensure_trunk() {
    if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
        note "trunk $TRUNK_VERSION: present"
    else
        step "Installing trunk $TRUNK_VERSION from crates.io (about 8 min on 2 cores, once)"
        cargo install trunk --version "$TRUNK_VERSION" --locked --force
    fi
}

ensure_wasm_bindgen() {
    local want
    want="$(lock_wasm_bindgen_version)"
    [ -n "$want" ] || die "no wasm-bindgen entry found in Cargo.lock"
    if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $want" ]; then
        note "wasm-bindgen-cli $want (= Cargo.lock): present"
    else
        step "Installing wasm-bindgen-cli $want to match Cargo.lock (about 6 min on 2 cores, once)"
        # Without --locked on purpose: its lockfile pins a webpki-roots the registry lacks.
        cargo install wasm-bindgen-cli --version "$want" --force
    fi
}

ensure_wasm_split() {
    # The CLI has no --version; cargo's list of installed packages says which one it is.
    if command -v wasm-split-cli >/dev/null &&
        cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
        note "wasm-split-cli $WASM_SPLIT_VERSION: present"
    else
        step "Installing wasm-split-cli $WASM_SPLIT_VERSION from crates.io (about 3 min on 2 cores, once)"
        cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
    fi
}

ensure_wasm_opt() {
    local bin="$TOOLS_DIR/node_modules/.bin/wasm-opt" terser="$TOOLS_DIR/node_modules/.bin/terser"
    if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "version $WASM_OPT_MAJOR " &&
        [ "$("$terser" --version 2>/dev/null)" = "terser $TERSER_VERSION" ]; then
        note "wasm-opt $WASM_OPT_MAJOR (npm binaryen) and terser $TERSER_VERSION ($TOOLS_DIR): present"
    else
        # One install for both: npm removes from the folder what a later install does not name.
        step "Installing wasm-opt (npm binaryen@$BINARYEN_VERSION) and terser@$TERSER_VERSION into $TOOLS_DIR"
        mkdir -p "$TOOLS_DIR"
        npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --no-save \
            "binaryen@$BINARYEN_VERSION" "terser@$TERSER_VERSION"
    fi
    # Whatever trunk will find first on PATH must be the 132 build, never Debian's 108.
    local found
    found="$(wasm-opt --version 2>/dev/null || true)"
    case "$found" in
        *"version $WASM_OPT_MAJOR "*) ;;
        *) die "wasm-opt first on PATH is '$(command -v wasm-opt)' ($found), expected version $WASM_OPT_MAJOR" ;;
    esac
}

ensure_chromium() {
    if [ -x /usr/bin/chromium ]; then
        note "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
    else
        step "Installing chromium and chromium-driver from Debian (about 1 min, once)"
        as_root apt-get update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
    fi
}

# `npm ci` from the committed lockfile, skipped when node_modules already matches it.
ensure_e2e_modules() {
    local stamp="$E2E_DIR/node_modules/.installed-lock"
    if [ -f "$stamp" ] && cmp -s "$stamp" "$E2E_DIR/package-lock.json"; then
        note "e2e node modules (tests/e2e/package-lock.json): present"
    else
        step "Installing the e2e node modules (npm ci in tests/e2e)"
        (cd "$E2E_DIR" && npm ci --no-audit --no-fund)
        cp "$E2E_DIR/package-lock.json" "$stamp"
    fi
}

ensure_build_tools() {
    step "Checking build tools"
    require_base
    ensure_wasm_target
    ensure_trunk
    ensure_wasm_bindgen
    ensure_wasm_split
    ensure_wasm_opt
}

ensure_test_tools() {
    ensure_build_tools
    ensure_chromium
    ensure_e2e_modules
}

# trunk runs cargo with --offline (Trunk.toml), so the registry must be fetched beforehand.
fetch_crates() {
    step "Fetching crates (cargo fetch --locked)"
    (cd "$REPO_ROOT" && cargo fetch --locked)
}
