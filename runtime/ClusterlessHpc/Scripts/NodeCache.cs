namespace ClusterlessHpc.Scripts
{
    /// <summary>
    /// The startup script's side of the shared install (docs/delivery.md, "Shared install"). With blob storage the start
    /// task carries, in the environment settings named here, a read URL and a create-only URL for each content-addressed
    /// name of the definition (its depot archive, its resolved manifest, its developed commits) and of its Julia release.
    /// The script is the same with or without them: without them (inline delivery) every function here does nothing and
    /// each node installs on its own. Nothing here can fail a node: a copy that is missing, partial, for another
    /// definition or unreadable is reported and the node installs as if there were none, and a publication that fails
    /// only means later nodes install on their own.
    /// </summary>
    internal static class NodeCache
    {
        /// <summary>
        /// Whether a definition's script shares its install: it downloads its Julia (a custom image brings its own, and its
        /// depot is the image's) and installs packages. A pool that pins a manifest shares its depot only (see
        /// <c>SharedInstallBlobs</c>).
        /// </summary>
        public static bool Applies(PoolDefinition definition) =>
            definition.Julia is not null && definition.Image is not CustomImageDefinition && definition.JuliaPackages.Count > 0;

        /// <summary>The prefix of every variable the delivery sets for the shared install.</summary>
        public const string VariablePrefix = "CHPC_CACHE_";

        public const string DepotRead = "CHPC_CACHE_DEPOT_URL";
        public const string DepotCreate = "CHPC_CACHE_DEPOT_CREATE_URL";
        public const string ManifestRead = "CHPC_CACHE_MANIFEST_URL";
        public const string ManifestCreate = "CHPC_CACHE_MANIFEST_CREATE_URL";
        public const string CommitsRead = "CHPC_CACHE_COMMITS_URL";
        public const string CommitsCreate = "CHPC_CACHE_COMMITS_CREATE_URL";
        public const string JuliaRead = "CHPC_CACHE_JULIA_URL";
        public const string JuliaCreate = "CHPC_CACHE_JULIA_CREATE_URL";

        /// <summary>
        /// The exit trap's part for the shared install (<see cref="StartupScriptRenderer"/> writes the trap): a depot still
        /// downloading in the background (<see cref="DepotFunctions"/>) is stopped, waited for and its folder removed, however
        /// the script ends.
        /// </summary>
        public const string ExitCleanup =
            "[[ -z \"$depot_prefetch_pid\" ]] || { kill -TERM -- \"-$depot_prefetch_pid\" 2> /dev/null || true; wait \"$depot_prefetch_pid\" 2> /dev/null || true; }; [[ -z \"$depot_prefetch\" ]] || rm -rf \"$depot_prefetch\" || true";

        /// <summary>The file the depot archive carries at its root: the definition hash and architecture it was built for.</summary>
        public const string DepotLabel = ".clusterlesshpc-depot";

        /// <summary>The blob metadata that carries a published file's SHA-256 (lower-case hex), set in the same upload.</summary>
        public const string ChecksumMetadata = "sha256";

        /// <summary>The blob metadata that carries the definition hash a definition's file was published for.</summary>
        public const string DefinitionMetadata = "definition";

        /// <summary>
        /// The curl options of every read of a shared copy: one GET (its headers carry the checksum and definition, so no
        /// request goes before it), <c>--fail</c> so that an error's body never reaches a file or <c>tar</c>, and the same
        /// bounded connection, stall and retries as any download.
        /// </summary>
        private const string ReadOptions = "--fail --silent --connect-timeout 30 --speed-limit 1024 --speed-time 60 --retry 3 --retry-delay 5";

        /// <summary>
        /// <c>cache_check URL HEADERS CURL_EXIT SHA256 DEFINITION EXPECTED</c> is the one judgement of a shared copy read with
        /// its headers dumped to HEADERS: found (a 404 is said nothing of: not published yet), read to its end, whole (its
        /// SHA-256 is the one published with it), given a definition hash published for it, and given EXPECTED (the declared
        /// <c>Sha256</c> of a Julia release) that file; else it says why on stderr and fails. <c>cache_fetch URL FILE
        /// [DEFINITION]</c> reads a small published file so; <c>cache_unpack</c> streams an archive through the same checks into
        /// <c>tar</c>. <c>cache_publish URL FILE [DEFINITION]</c> creates a file with <c>If-None-Match: *</c>, so that of several
        /// nodes racing the first wins and the others' uploads are refused (409 or 412), never overwriting. URLs are logged
        /// without their query: the SAS never reaches a log. <c>cache_unpack</c> needs <c>gunzip_command</c> (<see cref="GzipReader"/>).
        /// </summary>
        public const string Functions =
            "# The shared install (docs/delivery.md): read and create-only URLs the start task carries with blob storage; without them each node installs on its own.\n" +
            // Read by bash alone: the processes a sed and tr for each header would start cost a later node more than the checks.
            "# Sets cache_status, cache_sum and cache_definition from the last response in the headers file $1 (curl writes each response of\n" +
            "# its retries there).\n" +
            "cache_headers() {\n" +
            "  local line rest\n" +
            "  cache_status='' cache_sum='' cache_definition=''\n" +
            "  [[ -f \"$1\" ]] || return 0\n" +
            "  while IFS= read -r line || [[ -n \"$line\" ]]; do\n" +
            "    line=${line%$'\\r'}\n" +
            "    rest=${line#*:}\n" +
            "    rest=${rest#\"${rest%%[! ]*}\"}\n" +
            "    case ${line,,} in\n" +
            "      http/*) rest=${line#* }; cache_status=${rest%% *} cache_sum='' cache_definition='' ;;\n" +
            "      x-ms-meta-" + ChecksumMetadata + ":*) cache_sum=$rest ;;\n" +
            "      x-ms-meta-" + DefinitionMetadata + ":*) cache_definition=$rest ;;\n" +
            "    esac\n" +
            "  done < \"$1\"\n" +
            "}\n" +
            "cache_check() {\n" +
            "  local url=${1%%\\?*} headers=$2 code=$3 sum=$4 definition=$5 expected=$6\n" +
            "  cache_headers \"$headers\"\n" +
            "  if [[ \"$cache_status\" != 200 ]]; then\n" +
            "    [[ \"$cache_status\" == 404 ]] || log \"the shared copy $url could not be read: ${cache_status:-no answer (curl exit code $code)}; installing without it\" >&2\n" +
            "    return 1\n" +
            "  fi\n" +
            // 23: curl could not write, because what reads the stream (tar) stopped: the checksum says why.
            "  if (( code != 0 && code != 23 )); then\n" +
            "    log \"the shared copy $url is not whole (its download broke off: curl exit code $code); installing without it\" >&2\n" +
            "    return 1\n" +
            "  fi\n" +
            "  if [[ \"$sum\" != \"$cache_sum\" ]]; then\n" +
            "    log \"the shared copy $url is not whole (its SHA-256 is not the one published with it); installing without it\" >&2\n" +
            "    return 1\n" +
            "  fi\n" +
            "  if [[ -n \"$definition\" && \"$cache_definition\" != \"$definition\" ]]; then\n" +
            "    log \"the shared copy $url was published for another definition; installing without it\" >&2\n" +
            "    return 1\n" +
            "  fi\n" +
            "  if [[ -n \"$expected\" && \"$sum\" != \"$expected\" ]]; then\n" +
            "    log \"the shared copy $url does not have the declared Sha256; installing without it\" >&2\n" +
            "    return 1\n" +
            "  fi\n" +
            "}\n" +
            "cache_fetch() {\n" +
            "  local url=$1 file=$2 definition=${3:-} code=0 sum=''\n" +
            "  [[ -n \"$url\" ]] || return 1\n" +
            "  curl " + ReadOptions + " --dump-header \"$file.headers\" --output \"$file\" \"$url\" || code=$?\n" +
            "  [[ ! -f \"$file\" ]] || sum=\"$(sha256sum \"$file\")\"\n" +
            "  if ! cache_check \"$url\" \"$file.headers\" \"$code\" \"${sum%% *}\" \"$definition\" ''; then\n" +
            "    rm -f \"$file\" \"$file.headers\"\n" +
            "    return 1\n" +
            "  fi\n" +
            "  rm -f \"$file.headers\"\n" +
            "}\n" +
            "# Unpacks a published archive (tar and gzip) into the new folder $2 while it downloads: curl's stream goes to gunzip_command and tar\n" +
            "# and, through tee, to the SHA-256, so downloading, hashing and unpacking overlap. $3: the definition it must have been published\n" +
            "# for, $4: the SHA-256 it must have, each or ''; the rest are tar's options. The folder is only kept when cache_check\n" +
            "# accepts the download and tar read it whole; put it beside its destination, so that moving it into place is a rename.\n" +
            "cache_unpack() {\n" +
            "  local url=$1 into=$2 definition=$3 expected=$4 hasher sum\n" +
            "  local -a codes\n" +
            "  shift 4\n" +
            "  [[ -n \"$url\" ]] || return 1\n" +
            "  mkdir \"$into\"\n" +
            "  mkfifo \"$into.stream\"\n" +
            // openssl's SHA-256 uses the CPU's SHA instructions, two to three times sha256sum's speed: the hash keeps up with the stream.
            "  if command -v openssl > /dev/null; then openssl dgst -sha256 -r < \"$into.stream\" > \"$into.sha256\" & else sha256sum < \"$into.stream\" > \"$into.sha256\" & fi\n" +
            "  hasher=$!\n" +
            // Each command's exit code: pipefail would give only the last failure's, and a broken download must be told from a broken archive.
            // The decompressor in a process of its own: tar -z reading a pipe copies the stream through one more process in 10 KiB records, twice as slow.
            "  if curl " + ReadOptions + " --dump-header \"$into.headers\" \"$url\" | tee \"$into.stream\" | " + GzipReader.Command + " 2> \"$into.errors\" | tar -x -C \"$into\" \"$@\" 2>> \"$into.errors\"; then\n" +
            "    codes=(0 0 0 0)\n" +
            "  else\n" +
            "    codes=(\"${PIPESTATUS[@]}\")\n" +
            "  fi\n" +
            "  wait \"$hasher\" || true\n" +
            "  sum=''\n" +
            "  read -r sum _ < \"$into.sha256\" || true\n" +
            "  if ! cache_check \"$url\" \"$into.headers\" \"${codes[0]}\" \"$sum\" \"$definition\" \"$expected\"; then\n" +
            "    rm -rf \"$into\" \"$into.stream\" \"$into.sha256\" \"$into.headers\" \"$into.errors\"\n" +
            "    return 1\n" +
            "  fi\n" +
            "  if (( codes[1] != 0 || codes[2] != 0 || codes[3] != 0 )); then\n" +
            "    log \"the shared copy ${url%%\\?*} could not be unpacked: $(tail -n 3 \"$into.errors\" | tr '\\n' ' ')(exit codes: tee ${codes[1]}, ${gunzip_command[0]} ${codes[2]}, tar ${codes[3]}); installing without it\" >&2\n" +
            "    rm -rf \"$into\" \"$into.stream\" \"$into.sha256\" \"$into.headers\" \"$into.errors\"\n" +
            "    return 1\n" +
            "  fi\n" +
            "  rm -f \"$into.stream\" \"$into.sha256\" \"$into.headers\" \"$into.errors\"\n" +
            "}\n" +
            "cache_publish() {\n" +
            "  local url=$1 file=$2 definition=${3:-} status sum\n" +
            "  [[ -n \"$url\" ]] || return 0\n" +
            // One Put Blob request carries at most 5000 MiB (service version 2019-12-12 and later).
            "  if (( $(stat -c %s \"$file\") > 5242880000 )); then\n" +
            "    log \"$file is larger than one upload may be; later nodes install on their own\" >&2\n" +
            "    return 0\n" +
            "  fi\n" +
            "  sum=\"$(sha256sum \"$file\")\"\n" +
            "  local -a headers=(-H 'x-ms-blob-type: BlockBlob' -H 'If-None-Match: *' -H 'Expect:' -H \"x-ms-meta-" + ChecksumMetadata + ": ${sum%% *}\")\n" +
            "  [[ -z \"$definition\" ]] || headers+=(-H \"x-ms-meta-" + DefinitionMetadata + ": $definition\")\n" +
            "  status=\"$(curl --silent --connect-timeout 30 --speed-limit 1024 --speed-time 60 --upload-file \"$file\" \"${headers[@]}\" --output /dev/null --write-out '%{http_code}' \"$url\")\" || status=\"no answer (curl exit code $?)\"\n" +
            "  case \"$status\" in\n" +
            "    201) log \"published ${url%%\\?*}\" ;;\n" +
            "    409 | 412) log \"${url%%\\?*} was already published by another node\" ;;\n" +
            // A create-only SAS may not write over a name that exists: that can be refused as unauthorized (403) before If-None-Match is looked at.
            "    403) log \"${url%%\\?*} was refused: another node published it first, or the create-only policy was revoked\" ;;\n" +
            "    *) log \"could not publish ${url%%\\?*}: $status; later nodes install on their own\" >&2 ;;\n" +
            "  esac\n" +
            "}\n";

        /// <summary>
        /// <c>prefetch_depot</c> starts downloading and unpacking the published depot archive in the background, as soon as the
        /// script starts: its URL is known from the start, so it needs no step before it, and on a node of two or more cores it
        /// unpacks beside the Julia release instead of after it (a real pool's depot of precompiled packages can be as large as the release). It runs in
        /// a process group of its own (<c>set -m</c>), which the exit trap (<see cref="ExitCleanup"/>) stops with everything it
        /// started. <c>restore_depot</c> waits for it, passes on what it logged, and moves the depot into place after checking
        /// its checksum, the definition it was published for, and the label inside it (this definition, this node's
        /// <c>uname -m</c>); <c>publish_install</c> publishes the resolved manifest, the developed commits and the depot
        /// archive. They need <c>$root</c>, <c>$depot</c>, <c>$julia_environment</c>, <c>$architecture</c> and <c>$definition_hash</c>
        /// (and <c>publish_install</c> <c>$work</c>).
        /// </summary>
        public const string DepotFunctions =
            "prefetch_depot() {\n" +
            "  [[ -n \"${" + DepotRead + ":-}\" && \"$(uname -m)\" == \"$architecture\" ]] || return 0\n" +
            "  depot_prefetch=\"$(mktemp -d \"$root/download.XXXXXX\")\"\n" +
            "  set -m\n" +
            // In a || list, as the other reads are called: set -e does not end the background job half way without a word.
            "  { cache_unpack \"$" + DepotRead + "\" \"$depot_prefetch/depot\" \"$definition_hash\" '' || exit 1; } > \"$depot_prefetch/stdout\" 2> \"$depot_prefetch/stderr\" &\n" +
            "  depot_prefetch_pid=$!\n" +
            "  set +m\n" +
            "}\n" +
            "restore_depot() {\n" +
            "  local status=0 label=''\n" +
            "  [[ -n \"$depot_prefetch_pid\" ]] || return 1\n" +
            "  wait \"$depot_prefetch_pid\" || status=$?\n" +
            "  depot_prefetch_pid=''\n" +
            "  [[ ! -s \"$depot_prefetch/stdout\" ]] || cat \"$depot_prefetch/stdout\"\n" +
            "  [[ ! -s \"$depot_prefetch/stderr\" ]] || cat \"$depot_prefetch/stderr\" >&2\n" +
            "  (( status == 0 )) || return 1\n" +
            "  read -r label 2> /dev/null < \"$depot_prefetch/depot/" + DepotLabel + "\" || true\n" +
            "  if [[ \"$label\" != \"$definition_hash $architecture\" ]]; then\n" +
            "    log \"the shared depot archive is not this definition's depot for $architecture; installing without it\" >&2\n" +
            "    return 1\n" +
            "  fi\n" +
            "  rm -rf \"$depot\" && mv \"$depot_prefetch/depot\" \"$depot\"\n" +
            "}\n" +
            "# The commit a developed repository has checked out, read without git (the image may have none).\n" +
            "develop_commit() {\n" +
            "  local git=\"$1/.git\" head\n" +
            "  head=\"$(<\"$git/HEAD\")\"\n" +
            "  if [[ $head == 'ref: '* ]]; then\n" +
            "    if [[ -f \"$git/${head#ref: }\" ]]; then head=\"$(<\"$git/${head#ref: }\")\"; else head=\"$(awk -v ref=\"${head#ref: }\" '$2 == ref { print $1 }' \"$git/packed-refs\")\"; fi\n" +
            "  fi\n" +
            "  printf '%s\\n' \"$head\"\n" +
            "}\n" +
            "publish_install() {\n" +
            "  [[ -n \"${" + DepotCreate + ":-}${" + ManifestCreate + ":-}\" ]] || return 0\n" +
            "  [[ ! -f \"$julia_environment/Manifest.toml\" ]] || cache_publish \"${" + ManifestCreate + ":-}\" \"$julia_environment/Manifest.toml\" \"$definition_hash\"\n" +
            "  if (( ${#developed[@]} > 0 )); then\n" +
            "    local name\n" +
            "    for name in \"${developed[@]}\"; do printf '%s %s\\n' \"$name\" \"$(develop_commit \"$depot/dev/$name\")\"; done > \"$work/develop-commits.txt\"\n" +
            // A repository whose commit cannot be read publishes no commits: later nodes then resolve on their own.
            "    if grep -qvE '^[^ ]+ [0-9a-f]{40,64}$' \"$work/develop-commits.txt\"; then\n" +
            "      log \"the commit of a developed repository could not be read; later nodes resolve on their own\" >&2\n" +
            "    else\n" +
            "      cache_publish \"${" + CommitsCreate + ":-}\" \"$work/develop-commits.txt\" \"$definition_hash\"\n" +
            "    fi\n" +
            "  fi\n" +
            "  [[ -n \"${" + DepotCreate + ":-}\" && \"$(uname -m)\" == \"$architecture\" ]] || return 0\n" +
            "  printf '%s %s\\n' \"$definition_hash\" \"$architecture\" > \"$depot/" + DepotLabel + "\"\n" +
            "  if tar -czf \"$work/depot.tar.gz\" -C \"$depot\" .; then\n" +
            "    cache_publish \"$" + DepotCreate + "\" \"$work/depot.tar.gz\" \"$definition_hash\"\n" +
            "  else\n" +
            "    log \"could not archive the depot; later nodes install on their own\" >&2\n" +
            "  fi\n" +
            "  rm -f \"$work/depot.tar.gz\"\n" +
            "}\n";
    }
}
