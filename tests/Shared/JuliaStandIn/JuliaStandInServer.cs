using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClusterlessHpc.Testing
{
    /// <summary>
    /// The internet of a Julia node on loopback HTTP, for executed start tasks: a release mirror whose tarball holds a
    /// stand-in julia, and a package server that counts requests. The stand-in takes <see cref="ResolveCost"/> to resolve
    /// (<c>Pkg.add</c>: one registry request, a manifest whose versions differ from one resolve to the next, a fresh commit
    /// for each developed repository) and <see cref="PrecompileCost"/> for each package it has no compiled cache of; it
    /// instantiates the manifest of the active project (<c>JULIA_PROJECT</c>, else the default environment) with
    /// <c>Pkg.instantiate</c>, printing <c>instantiated SHA256</c> of that manifest, and checks developed repositories out at
    /// <c>$CHPC_DEVELOP_COMMITS</c>; it fails an <c>import</c> of a package the depot does not hold. It prints the program's
    /// step markers as Julia would and, with <see cref="JuliaStandInOptions.FailingStep"/>, fails at that step as Pkg does,
    /// before any work. Each launch with a program (not <c>--version</c>) appends <c>TIME KIND JULIA_CPU_TARGET</c> to
    /// <c>$AZ_BATCH_NODE_SHARED_DIR/julia-launches.log</c> and leaves its arguments, one a line, in
    /// <c>$AZ_BATCH_NODE_SHARED_DIR/julia-arguments.txt</c>. Tests that use it compile this folder explicitly
    /// (tests/Shared/JuliaStandIn).
    /// </summary>
    public sealed class JuliaStandInServer : IAsyncDisposable
    {
        /// <summary>The launch log, relative to the node's shared folder.</summary>
        public const string LaunchLog = "julia-launches.log";

        /// <summary>The arguments of the latest launch, one a line, relative to the node's shared folder.</summary>
        public const string ArgumentsFile = "julia-arguments.txt";

        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
        private readonly JuliaStandInOptions _options;
        private readonly Task _serving;

        public JuliaStandInServer(string version, TimeSpan resolveCost, TimeSpan precompileCost, int releaseMegabytes = 0)
            : this(new JuliaStandInOptions(version) { ResolveCost = resolveCost, PrecompileCost = precompileCost, ReleaseMegabytes = releaseMegabytes })
        {
        }

        public JuliaStandInServer(JuliaStandInOptions options)
        {
            _options = options;
            var port = FreePort();
            Root = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Root.ToString());
            _listener.Start();
            var minor = string.Join('.', Version.Split('.').Take(2));
            _files[$"julia/bin/linux/x64/{minor}/julia-{Version}-linux-x86_64.tar.gz"] = Release(options.ReleaseMegabytes);
            _serving = Task.Run(ServeAsync);
        }

        public string Version => _options.Version;

        public TimeSpan ResolveCost => _options.ResolveCost;

        public TimeSpan PrecompileCost => _options.PrecompileCost;

        /// <summary>For example <c>http://127.0.0.1:PORT/</c>.</summary>
        public Uri Root { get; }

        /// <summary>The mirror to give <c>[Julia(Mirror = ...)]</c>.</summary>
        public string Mirror => new Uri(Root, "julia/bin").ToString();

        /// <summary>The package server to give <c>[Julia(PkgServer = ...)]</c>.</summary>
        public string PkgServer => new Uri(Root, "pkg").ToString();

        /// <summary>Downloads of the Julia release from the mirror.</summary>
        public int ReleaseDownloads => _requests.Where(r => r.Key.StartsWith("julia/", StringComparison.Ordinal)).Sum(r => r.Value);

        /// <summary>Requests to the package server.</summary>
        public int PackageServerRequests => _requests.Where(r => r.Key.StartsWith("pkg/", StringComparison.Ordinal)).Sum(r => r.Value);

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            try
            {
                await _serving.ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
            }
        }

        /// <summary>The launches a node's stand-in julia made, one <c>(kind, JULIA_CPU_TARGET)</c> each: resolve, instantiate or load.</summary>
        public static IReadOnlyList<(string Kind, string CpuTarget)> Launches(string sharedDirectory)
        {
            var log = Path.Combine(sharedDirectory, LaunchLog);
            if (!File.Exists(log)) return [];
            return File.ReadAllLines(log).Where(l => l.Length > 0).Select(l => l.Split(' ', 3)).Select(p => (p[1], p[2])).ToList();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                _ = Task.Run(() => Answer(context));
            }
        }

        private void Answer(HttpListenerContext context)
        {
            using var response = context.Response;
            var path = context.Request.Url!.AbsolutePath.TrimStart('/');
            _requests.AddOrUpdate(path, 1, (_, n) => n + 1);
            var body = path.StartsWith("pkg/", StringComparison.Ordinal) ? Encoding.UTF8.GetBytes("stand-in package server\n")
                : _files.TryGetValue(path, out var file) ? file : null;
            if (body is null)
            {
                response.StatusCode = 404;
                return;
            }
            response.ContentLength64 = body.Length;
            try
            {
                response.OutputStream.Write(body);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // The client went away; a curl that gives up retries on its own.
            }
        }

        private byte[] Release(int megabytes)
        {
            var executable = (UnixFileMode)Convert.ToInt32("755", 8);
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, $"julia-{Version}/") { Mode = executable });
                tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, $"julia-{Version}/bin/") { Mode = executable });
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"julia-{Version}/bin/julia")
                {
                    Mode = executable,
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(Julia())),
                });
                if (megabytes > 0)
                {
                    // Incompressible, so that downloading and unpacking the release costs what a real one's does.
                    var payload = new byte[megabytes * 1024 * 1024];
                    new Random(megabytes).NextBytes(payload);
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, $"julia-{Version}/lib/") { Mode = executable });
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"julia-{Version}/lib/libjulia-standin.so")
                    {
                        Mode = (UnixFileMode)Convert.ToInt32("644", 8),
                        DataStream = new MemoryStream(payload),
                    });
                }
            }
            return output.ToArray();
        }

        private string Julia()
        {
            static string S(TimeSpan t) => t.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            var minor = string.Join('.', Version.Split('.').Take(2));
            return $$"""
                #!/bin/bash
                # A stand-in for julia {{Version}} (see JuliaStandInServer).
                set -euo pipefail
                if [[ ${1:-} == --version ]]; then echo 'julia version {{Version}}'; exit 0; fi
                program=''
                for ((i = 1; i <= $#; i++)); do if [[ ${!i} == -e ]]; then j=$((i + 1)); program=${!j}; fi; done
                kind=load
                if [[ $program == *'Pkg.add('* ]]; then kind=resolve; elif [[ $program == *'Pkg.instantiate()'* ]]; then kind=instantiate; fi
                printf '%s %s %s\n' "$(date +%s.%N)" "$kind" "${JULIA_CPU_TARGET:-unset}" >> "$AZ_BATCH_NODE_SHARED_DIR/{{LaunchLog}}"
                printf '%s\n' "$@" > "$AZ_BATCH_NODE_SHARED_DIR/{{ArgumentsFile}}"
                # The program's step markers, as Julia prints them, all before any work: a failing step fails at once, as Pkg's error would end it.
                failing_step={{Quote(_options.FailingStep ?? "")}}
                while IFS= read -r marker; do
                  printf '%s\n' "$marker"
                  if [[ -n $failing_step && $marker == *"] $failing_step" ]]; then
                    printf '%s\n' 'Updating registry' {{Quote(_options.FailingError)}} >&2
                    exit 1
                  fi
                done < <(sed -n 's/^println("\(##\[chpc step [^"]*\)"); flush(stdout)$/\1/p' <<< "$program")
                depot=${JULIA_DEPOT_PATH:-$HOME/.julia}
                depot=${depot%%:*}
                environment="$depot/environments/v{{minor}}"
                project=${JULIA_PROJECT:-$environment}
                compiled="$depot/compiled/v{{minor}}"
                mkdir -p "$environment" "$compiled" "$depot/packages"
                mapfile -t imports < <(sed -n 's/^import \([A-Za-z0-9_]*\)$/\1/p' <<< "$program")
                mapfile -t developed < <(grep '^Pkg.develop' <<< "$program" | grep -o 'url = "[^"]*"' | sed 's|.*/\([^/"]*\)"$|\1|; s|\.jl$||; s|\.git$||' || true)
                pkg() { curl --silent --fail --output /dev/null "${JULIA_PKG_SERVER:?the stand-in needs a package server}/$1"; }
                uuid() { printf '%s' "$1" | sha256sum | sed -E 's/^(.{8})(.{4})(.{4})(.{4})(.{12}).*/\1-\2-\3-\4-\5/'; }
                is_developed() { local d; for d in "${developed[@]}"; do [[ $d == "$1" ]] && return 0; done; return 1; }
                case $kind in
                  resolve)
                    pkg registry
                    sleep {{S(ResolveCost)}}
                    {
                      printf 'julia_version = "{{Version}}"\nmanifest_format = "2.0"\n'
                      for name in "${imports[@]}"; do
                        printf '\n[[deps.%s]]\nuuid = "%s"\n' "$name" "$(uuid "$name")"
                        if is_developed "$name"; then printf 'path = "%s"\n' "$depot/dev/$name"; else printf 'version = "1.%d.%d"\n' $((RANDOM % 100)) $((RANDOM % 100)); fi
                      done
                    } > "$environment/Manifest.toml"
                    for name in "${developed[@]}"; do
                      mkdir -p "$depot/dev/$name/.git/refs/heads"
                      printf 'ref: refs/heads/main\n' > "$depot/dev/$name/.git/HEAD"
                      od -An -N20 -tx1 /dev/urandom | tr -d ' \n' > "$depot/dev/$name/.git/refs/heads/main"
                      echo >> "$depot/dev/$name/.git/refs/heads/main"
                    done
                    ;;
                  instantiate)
                    [[ -f "$project/Manifest.toml" ]] || { echo 'ERROR: no Manifest.toml to instantiate' >&2; exit 1; }
                    pkg registry
                    printf 'instantiated %s\n' "$(sha256sum < "$project/Manifest.toml" | cut -d' ' -f1)"
                    while read -r name commit; do
                      [[ -n $name ]] || continue
                      mkdir -p "$depot/dev/$name/.git"
                      printf '%s\n' "$commit" > "$depot/dev/$name/.git/HEAD"
                    done < "${CHPC_DEVELOP_COMMITS:-/dev/null}"
                    # A published manifest's program writes its project; a pinned one comes with it.
                    if [[ $program == *'open(Base.active_project(), "w")'* ]]; then printf '[deps]\n' > "$project/Project.toml"; fi
                    ;;
                esac
                if [[ $kind != load ]]; then
                  for name in "${imports[@]}"; do
                    is_developed "$name" || pkg "package/$name"
                    mkdir -p "$depot/packages/$name"
                  done
                fi
                for name in "${imports[@]}"; do
                  [[ -d "$depot/packages/$name" ]] || { echo "ERROR: ArgumentError: Package $name not found in current path" >&2; exit 1; }
                  if [[ ! -f "$compiled/$name.ji" ]]; then
                    sleep {{S(PrecompileCost)}}
                    printf '%s\n' "${JULIA_CPU_TARGET:-native}" > "$compiled/$name.ji"
                  fi
                done

                """;
        }

        /// <summary>A bash word that is <paramref name="text"/> exactly.</summary>
        private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
