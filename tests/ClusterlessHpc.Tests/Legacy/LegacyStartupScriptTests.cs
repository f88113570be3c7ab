using ClusterlessHpc.Diagnostics;
using ClusterlessHpc.Legacy;

namespace ClusterlessHpc.Tests.Legacy;

public class LegacyStartupScriptTests
{
    private const string Header = """
        #!/bin/bash
        sudo bash
        pwd
        wget "https://julialang-s3.julialang.org/bin/linux/x64/1.10/julia-1.10.5-linux-x86_64.tar.gz"
        tar -xvzf julia-1.10.5-linux-x86_64.tar.gz
        rm -rf julia-1.10.5-linux-x86_64.tar.gz
        ln -s /mnt/batch/tasks/startup/wd/julia-1.10.5/bin/julia /usr/local/bin/julia
        git clone https://github.com/microsoft/AzureClusterlessHPC.jl
        julia -e 'using Pkg; Pkg.add(url=joinpath(pwd(), "AzureClusterlessHPC"))'

        """;

    private static LegacyStartupScript Read(params string[] userLines) =>
        LegacyStartupScript.Parse(Header + string.Join("\n", userLines) + "\nchmod -R 777 /mnt/batch/tasks/startup/wd/.julia\n", "pool_startup_script.sh");

    [Fact]
    public void The_seed_pages_template_with_its_example_lines_gives_julia_and_both_packages()
    {
        SharedReferenceData.Require();
        var examples = SeedFiles.PageExampleLines();
        Assert.Equal(2, examples.Length);

        var script = LegacyStartupScript.Parse(SeedFiles.StartupScript(examples), "pool_startup_script.sh");

        Assert.Equal(new JuliaDefinition("1.5.2"), script.Julia);
        Assert.Equal(
            [new JuliaPackageDefinition("IterativeSolvers"), new JuliaPackageDefinition("JOLI") { Url = "https://github.com/slimgroup/JOLI.jl", Develop = true }],
            script.JuliaPackages);
        Assert.Empty(script.StartupSteps);
        var note = Assert.Single(script.Warnings);
        Assert.True(note.IsNote);
        // sudo bash, pwd, wget, tar, rm, ln, git clone, the AzureClusterlessHPC add and chmod: nine fixed lines, in one note.
        Assert.Equal(9, note.Message.Split(':')[0].Split(',').Length);
        Assert.StartsWith("pool_startup_script.sh(", note.ToString());
        Assert.Contains(": note: the template's fixed lines (lines ", note.ToString());
    }

    [Fact]
    public void The_template_alone_gives_julia_and_no_packages()
    {
        SharedReferenceData.Require();

        var script = LegacyStartupScript.Parse(SeedFiles.StartupScript());

        Assert.Equal("1.5.2", script.Julia!.Version);
        Assert.Empty(script.JuliaPackages);
        Assert.Empty(script.StartupSteps);
        Assert.True(Assert.Single(script.Warnings).IsNote);
    }

    [Fact]
    public void Every_form_users_write_package_lines_in_is_read()
    {
        var script = Read(
            """julia -e 'using Pkg; Pkg.add("A")'""",
            """julia -e "using Pkg; Pkg.add(\"B\")" """,
            """julia -e 'import Pkg; Pkg.add(["C", "D"])'""",
            """julia -e 'using Pkg; Pkg.add(name="E", version="1.2")'""",
            """julia -e 'using Pkg; Pkg.add(url="https://github.com/org/F.jl")'""",
            """julia -e 'using Pkg; Pkg.add(url="https://github.com/org/G.jl", rev="v0.3")'""",
            """julia -e 'using Pkg; Pkg.add(PackageSpec(name="H", version="0.9"))'""",
            """julia -e 'using Pkg; Pkg.add(PackageSpec(url="https://github.com/org/I.jl.git", rev="main"))'""",
            """julia -e 'using Pkg; Pkg.develop(url="https://github.com/org/J.jl")'""",
            """julia -e 'using Pkg; Pkg.develop(PackageSpec(url="https://github.com/org/K.jl"))'""",
            """julia -e 'using Pkg; Pkg.add("L"); Pkg.add("M")'""",
            """julia -e 'import Pkg; Pkg.add(Pkg.PackageSpec(name="N"))'""",
            "julia -e 'using Pkg\nPkg.add(\"O\")'",
            """julia --startup-file=no -e 'using Pkg; Pkg.add(name = "P", version = v"2.1")' # pinned""",
            """julia -e 'using Pkg; Pkg.add([PackageSpec(name="Q"), PackageSpec(url="https://github.com/org/R.jl")])'""",
            "julia -e 'using Pkg; Pkg.add(\n    name=\"S\",\n    version=\"3\")'",
            """julia -e 'using Pkg; Pkg.add(; name="T")'""");

        Assert.Equal(new JuliaDefinition("1.10.5"), script.Julia);
        Assert.Equal(
        [
            new JuliaPackageDefinition("A"),
            new JuliaPackageDefinition("B"),
            new JuliaPackageDefinition("C"),
            new JuliaPackageDefinition("D"),
            new JuliaPackageDefinition("E") { Version = "1.2" },
            new JuliaPackageDefinition("F") { Url = "https://github.com/org/F.jl" },
            new JuliaPackageDefinition("G") { Url = "https://github.com/org/G.jl", Rev = "v0.3" },
            new JuliaPackageDefinition("H") { Version = "0.9" },
            new JuliaPackageDefinition("I") { Url = "https://github.com/org/I.jl.git", Rev = "main" },
            new JuliaPackageDefinition("J") { Url = "https://github.com/org/J.jl", Develop = true },
            new JuliaPackageDefinition("K") { Url = "https://github.com/org/K.jl", Develop = true },
            new JuliaPackageDefinition("L"),
            new JuliaPackageDefinition("M"),
            new JuliaPackageDefinition("N"),
            new JuliaPackageDefinition("O"),
            new JuliaPackageDefinition("P") { Version = "2.1" },
            new JuliaPackageDefinition("Q"),
            new JuliaPackageDefinition("R") { Url = "https://github.com/org/R.jl" },
            new JuliaPackageDefinition("S") { Version = "3" },
            new JuliaPackageDefinition("T"),
        ], script.JuliaPackages);
        Assert.Empty(script.StartupSteps);
        Assert.True(Assert.Single(script.Warnings).IsNote);
        // Each package names the line it came from; the program that spans two lines, its first.
        Assert.Equal(Header.Split('\n').Length, script.PackageLine(0));
        Assert.Equal(script.PackageLine(14) + 2, script.PackageLine(15));
    }

    [Fact]
    public void Other_lines_become_steps_in_order_before_or_after_the_packages_with_a_warning_naming_each()
    {
        var script = Read(
            "apt-get install -y libfftw3-dev",
            """julia -e 'using Pkg; Pkg.add("FFTW")'""",
            """julia -e 'using Pkg; Pkg.build("FFTW")'""",
            "pip3 install --user matplotlib");

        Assert.Equal(["FFTW"], script.JuliaPackages.Select(p => p.Name));
        Assert.Equal(
            [
                new StartupStepDefinition("apt-get install -y libfftw3-dev"),
                new StartupStepDefinition("""julia -e 'using Pkg; Pkg.build("FFTW")'""") { AfterPackages = true },
                new StartupStepDefinition("pip3 install --user matplotlib") { AfterPackages = true },
            ],
            script.StartupSteps);
        var first = Header.Split('\n').Length;
        Assert.Equal([first, first + 2, first + 3], new[] { 0, 1, 2 }.Select(script.StepLine));
        var warnings = script.Warnings.Where(w => !w.IsNote).ToList();
        Assert.Equal([first, first + 2, first + 3], warnings.Select(w => w.Line!.Value));
        Assert.Equal($"pool_startup_script.sh({first}): warning: 'apt-get install -y libfftw3-dev' becomes [StartupStep] 1, run before the Julia packages in a subshell of its own: it is not a Julia package line",
            warnings[0].ToString());
        Assert.Contains("Pkg.build", warnings[1].Message);
        Assert.Contains("not only Pkg.add and Pkg.develop calls", warnings[1].Message);
    }

    // Each line would do something if run; reading them runs nothing, and each is a step as written or a warning.
    public static TheoryData<string, bool, string> Hostile => new()
    {
        { "julia -e \"using Pkg; Pkg.add(\\\"$(touch CANARY)\\\")\"", true, "bash would expand '$'" },
        { "julia -e 'using Pkg; Pkg.add(\"X$(run(`touch CANARY`))\")'", true, "interpolates" },
        { "julia -e 'using Pkg; Pkg.add(\"X\")'; touch CANARY", true, "';' joins commands" },
        { "julia -e 'using Pkg; Pkg.add(\"X\"); run(`touch CANARY`)'", true, "not part of a Pkg call" },
        { "julia -e 'using Pkg; Pkg.add(\"X\"); rm(\"CANARY\")'", true, "not a Pkg.add or Pkg.develop call" },
        { "julia -e 'using Pkg; Pkg.add(\"X\\\"); touch CANARY; echo \\\"\")'", true, "CHPC0102" },
        { "julia -e 'using Pkg; Pkg.add(\"X\")' && touch CANARY", true, "joins commands" },
        { "julia -e 'using Pkg; Pkg.add(\"X\")' > CANARY", true, "redirects" },
        { "`touch CANARY`", true, "expand '`'" },
        { "$(touch CANARY)", true, "expand '$'" },
        { "touch CANARY # 'quoted \" comment", true, "not a Julia package line" },
        { "echo \"unterminated; touch CANARY", false, "double quote is not closed" },
        { "echo 'unterminated; touch CANARY", false, "single quote is not closed" },
        { ") ; touch CANARY ; (", false, "')' closes nothing" },
        { "fi; touch CANARY", false, "'fi' ends a block that was not opened" },
        { "if true; then touch CANARY", false, "'if' has no matching end" },
        { "then touch CANARY", false, "'then' is outside the block it belongs to" },
        { "cat <<EOF > CANARY\nhello", false, "here-document has no end line" },
        { "julia -e 'using Pkg; Pkg.add(\"X\" #= hidden =#)'", true, "block comment" },
        { "julia -e 'Pkg.add(\"X\")'", true, "without 'using Pkg' or 'import Pkg'" },
        { "julia -e 'import Pkg; Pkg.add(PackageSpec(name=\"X\"))'", true, "PackageSpec without 'using Pkg'" },
        { "julia -e 'using Pkg; Pkg.add(PackageSpec(name=\"X\", rev=\"master\"))'", true, "CHPC0107" },
        { "julia -e 'using Pkg; Pkg.develop(\"X\")'", true, "CHPC0103" },
        { "julia -e 'using Pkg; Pkg.add(url=\"http://example.org/X.jl\")'", true, "CHPC0105" },
        { "julia -e 'using Pkg; Pkg.add(\"\"\"X\"\"\")'", true, "triple-quoted" },
        { "julia -e 'using Pkg; Pkg.add(\"X\"; preserve=Pkg.PRESERVE_ALL)'", true, "literal arguments" },
        { "julia -e 'using Pkg, Base64; Pkg.add(\"X\")'", true, "loads more than Pkg" },
        { "julia -e 'using Pkg; Pkg.add(\"X\")' extra-arg", true, "not a Julia package line" },
        { "julia -e 'using Pkg'", true, "installs no package" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_lines_run_nothing_and_become_a_quoted_step_or_a_warning(string line, bool step, string why)
    {
        var folder = Directory.CreateTempSubdirectory("chpc-hostile-");
        try
        {
            var canary = Path.Combine(folder.FullName, "canary");
            var text = line.Replace("CANARY", canary);

            var script = Read(text);

            Assert.False(File.Exists(canary));
            Assert.Empty(script.JuliaPackages);
            var warning = Assert.Single(script.Warnings, w => !w.IsNote);
            Assert.Contains(why, warning.Message);
            Assert.Equal(Header.Split('\n').Length, warning.Line);
            if (step)
            {
                Assert.Equal(text, Assert.Single(script.StartupSteps).Bash);
                Assert.Contains("becomes [StartupStep] 1", warning.Message);
            }
            else
            {
                Assert.Empty(script.StartupSteps);
                Assert.Contains("is not imported", warning.Message);
            }
            Assert.Equal(new JuliaDefinition("1.10.5"), script.Julia);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // A quoted step is the user's line; wrapped in the generated script it must leave the script valid bash.
    [Fact]
    public void Every_step_from_a_hostile_line_leaves_the_rendered_startup_script_valid_bash()
    {
        var checkedSteps = 0;
        foreach (var row in Hostile.Where(row => row.Data.Item2))
        {
            var script = Read(row.Data.Item1, "julia -e 'using Pkg; Pkg.add(\"A\")'", row.Data.Item1);
            Assert.Equal(2, script.StartupSteps.Count);

            var pool = LegacyImport.CreatePools(LegacyParameters.Defaults, options: script.ToOptions()).Definitions[0];
            var rendered = ClusterlessHpc.Scripts.StartupScriptRenderer.Render(pool);

            var bash = ProcessRunner.Run("bash", ["-n"], stdin: rendered);
            Assert.True(bash.ExitCode == 0, row.Data.Item1 + ": " + bash.Stderr);
            checkedSteps += 2;
        }
        Assert.True(checkedSteps > 30);
    }

    [Fact]
    public void Blocks_and_here_documents_are_one_step_each()
    {
        var script = Read(
            "if [ -d /opt/intel ]; then",
            "  source /opt/intel/setvars.sh",
            "fi",
            "cat > /etc/profile.d/hpc.sh <<'EOF'",
            "export OMP_NUM_THREADS=1",
            "EOF",
            "for p in a b; do echo \"$p\"; done",
            "echo \\",
            "  continued");

        Assert.Equal(
            [
                "if [ -d /opt/intel ]; then\n  source /opt/intel/setvars.sh\nfi",
                "cat > /etc/profile.d/hpc.sh <<'EOF'\nexport OMP_NUM_THREADS=1\nEOF",
                "for p in a b; do echo \"$p\"; done",
                "echo \\\n  continued",
            ],
            script.StartupSteps.Select(s => s.Bash));
        var first = Header.Split('\n').Length;
        Assert.Equal([first, first + 3, first + 6, first + 7], new[] { 0, 1, 2, 3 }.Select(script.StepLine));
    }

    [Fact]
    public void Warnings_show_control_characters_escaped_and_no_secret()
    {
        var script = Read("echo \"\u001b[31mred\u001b[0m\"", "export AZURE_STORAGE_KEY=c2VjcmV0LXZhbHVl", "azcopy copy x 'https://a.blob.core.windows.net/c?sv=1&sig=abcdef'");

        var warnings = script.Warnings.Where(w => !w.IsNote).Select(w => w.ToString()).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains("\\u001b[31mred", warnings[0]);
        Assert.False(string.Concat(warnings).Contains('\u001b'), "a warning holds the escape character");
        Assert.DoesNotContain("c2VjcmV0LXZhbHVl", warnings[1]);
        Assert.DoesNotContain("abcdef", warnings[2]);
        Assert.Contains("looks like it holds a secret", warnings[1]);
        // The step keeps the line as the user wrote it.
        Assert.Equal("export AZURE_STORAGE_KEY=c2VjcmV0LXZhbHVl", script.StartupSteps[1].Bash);
    }

    [Fact]
    public void A_mirror_download_sets_the_mirror_and_a_second_version_is_a_warning()
    {
        var script = LegacyStartupScript.Parse("""
            wget -q https://mirrors.example.org/julia/linux/x64/1.9/julia-1.9.4-linux-x86_64.tar.gz
            curl -LO https://julialang-s3.julialang.org/bin/linux/x64/1.10/julia-1.10.5-linux-x86_64.tar.gz
            julia -e 'using Pkg; Pkg.add("A")'
            julia -e 'using Pkg; Pkg.add("A")'
            julia -e 'using Pkg; Pkg.add(name="A", version="1")'
            """);

        Assert.Equal(new JuliaDefinition("1.9.4") { Mirror = "https://mirrors.example.org/julia" }, script.Julia);
        Assert.Equal(1, script.JuliaLine);
        Assert.Equal([new JuliaPackageDefinition("A")], script.JuliaPackages);
        var warnings = script.Warnings.Where(w => !w.IsNote).ToList();
        Assert.Equal([2, 4, 5], warnings.Select(w => w.Line!.Value));
        Assert.Contains("downloads Julia 1.10.5 too; the pools get Julia 1.9.4, from line 1", warnings[0].Message);
        Assert.Contains("installs A again; declared once", warnings[1].Message);
        Assert.Contains("package 'A' is already declared (line 3) with other settings", warnings[2].Message);
        Assert.Equal("julia -e 'using Pkg; Pkg.add(name=\"A\", version=\"1\")'", Assert.Single(script.StartupSteps).Bash);
    }

    [Fact]
    public void An_empty_script_is_a_warning()
    {
        var script = LegacyStartupScript.Parse("#!/bin/bash\n\n# nothing\n");

        Assert.Null(script.Julia);
        Assert.Contains("no Julia", Assert.Single(script.Warnings).Message);
    }

    [Fact]
    public void Windows_line_ends_and_a_byte_order_mark_read_like_unix_text()
    {
        var script = LegacyStartupScript.Parse("\uFEFFwget https://julialang-s3.julialang.org/bin/linux/x64/1.10/julia-1.10.5-linux-x86_64.tar.gz\r\njulia -e 'using Pkg; Pkg.add(\"A\")'\r\n");

        Assert.Equal("1.10.5", script.Julia!.Version);
        Assert.Equal(["A"], script.JuliaPackages.Select(p => p.Name));
    }

    [Fact]
    public void Load_refuses_files_that_are_not_text_naming_the_file()
    {
        var binary = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(binary, [0x7F, 0x45, 0x4C, 0x46, 0, 1]);
            var error = Assert.Throws<LegacyConfigurationException>(() => LegacyStartupScript.Load(binary));
            Assert.StartsWith(binary + ": ", error.Message);
            Assert.Contains("NUL", error.Message);

            File.WriteAllBytes(binary, [0x65, 0xFF, 0xFE]);
            Assert.Contains("not UTF-8", Assert.Throws<LegacyConfigurationException>(() => LegacyStartupScript.Load(binary)).Message);
        }
        finally
        {
            File.Delete(binary);
        }
        Assert.Contains("does not exist", Assert.Throws<LegacyConfigurationException>(() => LegacyStartupScript.Load(binary)).Message);
    }

    [Fact]
    public void Random_scripts_never_throw_and_every_step_is_text_of_the_script()
    {
        const string alphabet = "ab \t\n\"'\\$`;&|<>(){}[]#=*?~-.,/\u001bPkg.add(\"X\")julia -e using if then fi do done case esac EOF <<\0";
        var random = new Random(12);
        for (var run = 0; run < 3000; run++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 120)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var script = LegacyStartupScript.Parse(text, "fuzz.sh");
            foreach (var step in script.StartupSteps) Assert.Contains(step.Bash, text);
            Assert.All(script.Warnings, w => Assert.True(w.Line is >= 1, w.ToString()));
        }
    }

    [Fact]
    public void Imported_pools_get_the_scripts_julia_packages_and_steps_and_diagnostics_name_its_lines()
    {
        var script = LegacyStartupScript.Parse("""
            julia -e 'using Pkg; Pkg.add("IterativeSolvers")'
            apt-get install -y gfortran
            """, "startup.sh");

        var result = LegacyImport.CreatePools(LegacyParameters.Parse("""{ "_POOL_COUNT": "2" }"""), options: script.ToOptions());

        Assert.All(result.Definitions, d =>
        {
            Assert.Null(d.Julia);
            Assert.Equal([new JuliaPackageDefinition("IterativeSolvers")], d.JuliaPackages);
            Assert.Equal([new StartupStepDefinition("apt-get install -y gfortran") { AfterPackages = true }], d.StartupSteps);
        });
        Assert.Contains(result.Warnings, w => w.SourceName == "startup.sh" && w.Line == 2);
        // No Julia download: the packages need [Julia], reported on the script's first package line.
        var error = result.Diagnostics[0];
        Assert.Same(DiagnosticCatalogue.JuliaPackagesNeedJulia, error.Rule);
        Assert.Equal(("startup.sh", 1), (error.SourceName, error.Line!.Value));
        Assert.StartsWith("startup.sh(1): error CHPC0112: ", error.ToString());
    }

    [Fact]
    public void A_container_pool_with_the_scripts_julia_gets_the_container_warning_on_the_download_line()
    {
        var script = LegacyStartupScript.Parse("""
            # Install Julia
            wget "https://julialang-s3.julialang.org/bin/linux/x64/1.10/julia-1.10.5-linux-x86_64.tar.gz"
            """, "startup.sh");

        var result = LegacyImport.CreatePools(LegacyParameters.Parse("""{ "_CONTAINER": "philippwitte/azureclusterlesshpc:v1.0" }"""), options: script.ToOptions());

        var warning = Assert.Single(result.Diagnostics);
        Assert.Same(DiagnosticCatalogue.JuliaIsNotInstalledInContainers, warning.Rule);
        Assert.Equal(("startup.sh", 2), (warning.SourceName, warning.Line!.Value));
        Assert.False(result.HasErrors);
    }
}
