# Sourced by the install scripts. `clean_npm_env CMD...` runs CMD without the variables an outer
# `npm run`/`npm test` exports to its scripts (npm_config_user_agent naming the outer Node,
# npm_config_local_prefix naming this project, npm_lifecycle_*, npm_package_*, INIT_CWD, NODE):
# an inner npm would take them as its own configuration, and code-server's postinstall reads its
# Node version from npm_config_user_agent. The user's own NPM_CONFIG_* (upper case) are kept.
clean_npm_env() {
  local unset_args=() name
  for name in $(compgen -e); do
    case "$name" in
      npm_*|INIT_CWD|NODE) unset_args+=(-u "$name") ;;
    esac
  done
  env "${unset_args[@]}" "$@"
}
