# Sourced by ./dev and .ci/run: puts Node.js >= 22.22 first on PATH.
# Machines here ship Node 20; Angular 22 and kysely 0.29 need 22. A machine that already
# has Node >= 22.22 uses it as is; otherwise Node 22 is fetched once from the npm registry
# (the `node@22` package) into .tools/node22 — never a global install by hand.
ardoise_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ardoise_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=22)?0:1)'
}
if ! ardoise_node_ok; then
  if [ ! -x "$ardoise_root/.tools/node22/node_modules/.bin/node" ]; then
    echo "» Node.js 22 introuvable : installation depuis le registre npm dans .tools/node22" >&2
    npm install --silent --no-audit --no-fund --prefix "$ardoise_root/.tools/node22" node@22 >&2
  fi
  export PATH="$ardoise_root/.tools/node22/node_modules/.bin:$PATH"
fi
ardoise_node_ok || { echo "Node.js >= 22.22 requis (trouvé : $(node --version 2>/dev/null))" >&2; return 1 2>/dev/null || exit 1; }
