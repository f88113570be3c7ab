namespace ClusterlessHpc.Reliability.Boot;

/// <summary>
/// AzureClusterlessHPC.jl's startup-script template (its "Managing pools" page) with five user packages in its
/// "ADD USER PACKAGES HERE" section, and the few changes that let it run on an emulated node: docs/reliability.md lists them.
/// </summary>
public static class SeedTemplate
{
    /// <summary>The packages of the "ADD USER PACKAGES HERE" section, one <c>Pkg.add</c> line each, as the page shows.</summary>
    public static readonly string[] UserPackages = ["IterativeSolvers", "JSON", "FFTW", "Distributions", "LinearMaps"];

    public const string JuliaVersion = "1.5.2";

    /// <summary>The template as its page gives it, with the five package lines added where it says.</summary>
    public static string Script { get; } = """
        #!/bin/bash

        ###################################################################################################
        # DO NOT MODIFY!

        # Switch to superuser and load module
        sudo bash
        pwd

        # Install Julia
        wget "https://julialang-s3.julialang.org/bin/linux/x64/1.5/julia-1.5.2-linux-x86_64.tar.gz"
        tar -xvzf julia-1.5.2-linux-x86_64.tar.gz
        rm -rf julia-1.5.2-linux-x86_64.tar.gz
        ln -s /mnt/batch/tasks/startup/wd/julia-1.5.2/bin/julia /usr/local/bin/julia

        # Install AzureClusterlessHPC
        git clone https://github.com/microsoft/AzureClusterlessHPC.jl
        julia -e 'using Pkg; Pkg.add(url=joinpath(pwd(), "AzureClusterlessHPC"))'

        ###################################################################################################
        # ADD USER PACKAGES HERE
        # ...

        """ + string.Concat(UserPackages.Select(p => $"julia -e 'using Pkg; Pkg.add(\"{p}\")'\n")) + """

        ###################################################################################################
        # DO NOT MODIFY!

        # Make julia dir available for all users
        chmod -R 777 /mnt/batch/tasks/startup/wd/.julia

        """;

    /// <summary>Where the node's <c>/usr/local/bin</c> is, inside the node's folder.</summary>
    public const string LocalBin = "$AZ_BATCH_NODE_ROOT_DIR/usr/local/bin";

    /// <summary>The folder of stand-in tools, first on PATH, relative to the start task's working directory.</summary>
    public const string StandIns = "standins";

    /// <summary>
    /// The template with its absolute paths moved into the node's folder: the start task's working directory is
    /// <c>$AZ_BATCH_TASK_WORKING_DIR</c> (on a node, <c>/mnt/batch/tasks/startup/wd</c>), and <c>/usr/local/bin</c> is
    /// <see cref="LocalBin"/>. Nothing else changes.
    /// </summary>
    public static string Adapted() => Script
        .Replace("/mnt/batch/tasks/startup/wd", "$AZ_BATCH_TASK_WORKING_DIR", StringComparison.Ordinal)
        .Replace("/usr/local/bin/julia", LocalBin + "/julia", StringComparison.Ordinal);

    /// <summary>
    /// The start task's command line: make the node's local bin folder, put the stand-ins and it first on PATH, make the
    /// working directory HOME (where the template, and AzureClusterlessHPC.jl's default <c>_JULIA_DEPOT_PATH</c>, expect
    /// Julia's depot: <c>/mnt/batch/tasks/startup/wd/.julia</c>), and run the script (the package ran it as the start
    /// task's program; bash runs it the same way).
    /// </summary>
    public static string CommandLine(string scriptFile) =>
        $"/bin/bash -c 'mkdir -p \"{LocalBin}\" && HOME=\"$AZ_BATCH_TASK_WORKING_DIR\" " +
        $"PATH=\"$AZ_BATCH_TASK_WORKING_DIR/{StandIns}:{LocalBin}:$PATH\" exec /bin/bash {scriptFile}'";

    /// <summary>
    /// Stand-ins for the tools the template uses that need root or the internet: <c>sudo</c> runs its arguments (so
    /// <c>sudo bash</c> starts a bash that reads the task's empty input and ends, as on a node); <c>wget</c> fetches the
    /// Julia release from <paramref name="mirror"/> instead of julialang-s3; <c>git clone</c> makes the folder a clone
    /// would, and fails as git does when it exists.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Tools(Uri mirror) => new Dictionary<string, string>
    {
        ["sudo"] = """
            #!/bin/bash
            # Stand-in sudo: the start task's user runs the command itself.
            exec "$@"
            """,
        ["wget"] = $$"""
            #!/bin/bash
            # Stand-in wget URL: the file from the loopback mirror, saved under the URL's file name as wget saves it.
            url=${@: -1}
            exec curl --fail --silent --show-error --location --output "${url##*/}" "{{mirror.ToString().TrimEnd('/')}}/${url#https://julialang-s3.julialang.org/bin/}"
            """,
        ["git"] = """
            #!/bin/bash
            # Stand-in git clone URL [DIR]: makes the folder a clone makes (named as git names it), without the network.
            if [[ ${1:-} != clone ]]; then echo "stand-in git: only clone" >&2; exit 1; fi
            url=$2
            dir=${3:-$(basename "${url%.git}")}
            if [[ -e $dir && -n $(ls -A "$dir") ]]; then
              echo "fatal: destination path '$dir' already exists and is not an empty directory." >&2
              exit 128
            fi
            echo "Cloning into '$dir'..." >&2
            name=${dir%.jl}
            mkdir -p "$dir/src"
            printf 'name = "%s"\n' "$name" > "$dir/Project.toml"
            printf 'module %s end\n' "$name" > "$dir/src/$name.jl"
            """,
    };
}
