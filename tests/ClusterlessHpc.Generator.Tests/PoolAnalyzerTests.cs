namespace ClusterlessHpc.Generator.Tests;

public class PoolAnalyzerTests
{
    [Fact]
    public Task The_seed_pool_has_no_diagnostics() => AnalyzerTest.VerifyAsync(Samples.Redwood);

    [Fact]
    public Task A_class_that_is_not_partial_is_reported_at_its_name() => AnalyzerTest.VerifyAsync("""
        using ClusterlessHpc;
        [BatchPool("ok")]
        public class {|#0:Pool|};
        """,
        AnalyzerTest.Diagnostic("CHPC0001").WithLocation(0).WithArguments("Pool", ""));

    [Fact]
    public Task A_nested_pool_needs_partial_containing_types() => AnalyzerTest.VerifyAsync("""
        using ClusterlessHpc;
        public class Outer
        {
            [BatchPool("ok")]
            public partial class {|#0:Pool|};
        }
        """,
        AnalyzerTest.Diagnostic("CHPC0001").WithLocation(0).WithArguments("Pool", " to it and to every type it is nested in"));

    [Fact]
    public Task A_generic_pool_class_is_reported() => AnalyzerTest.VerifyAsync("""
        using ClusterlessHpc;
        [BatchPool("ok")]
        public partial class {|CHPC0003:Pool|}<T>;
        """);

    [Fact]
    public Task A_bad_pool_id_is_reported_at_the_id_argument() => AnalyzerTest.VerifyAsync("""
        using ClusterlessHpc;
        [BatchPool({|#0:"red wood"|}, VmSize = "Standard_E8s_v3")]
        public partial class Pool;
        """,
        AnalyzerTest.Diagnostic("CHPC0002").WithLocation(0)
            .WithArguments("red wood", "'space' is not allowed; use only letters, digits, hyphens and underscores"));

    [Fact]
    public Task An_id_given_by_parameter_name_and_from_a_constant_is_reported_where_written() => AnalyzerTest.VerifyAsync("""
        using ClusterlessHpc;
        [BatchPool(id: {|CHPC0002:Ids.TooLong|}, VmSize = "Standard_E8s_v3")]
        public partial class Pool;
        static class Ids { public const string TooLong = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"; }
        """);

    [Fact]
    public Task An_empty_id_is_reported() => AnalyzerTest.VerifyAsync("""
        using ClusterlessHpc;
        [BatchPool({|CHPC0002:""|})]
        public partial class Pool;
        """);

    [Fact]
    public Task A_malformed_julia_version_is_reported_at_the_version() => AnalyzerTest.VerifyAsync("""
        using ClusterlessHpc;
        [BatchPool("ok")]
        [Julia({|#0:"1.10"|})]
        public partial class Pool;
        """,
        AnalyzerTest.Diagnostic("CHPC0101").WithLocation(0).WithArguments("1.10"));

    [Fact]
    public Task Each_bad_package_name_is_reported_at_its_own_attribute() => AnalyzerTest.VerifyAsync("""
        using ClusterlessHpc;
        [BatchPool("ok")]
        [Julia("1.10.5")]
        [JuliaPackage("Good")]
        [JuliaPackage({|#0:"JOLI.jl"|})]
        [JuliaPackage({|#1:"bad-name"|})]
        public partial class Pool;
        """,
        AnalyzerTest.Diagnostic("CHPC0102").WithLocation(0).WithArguments("JOLI.jl", "Julia names packages without the '.jl' suffix; write 'JOLI'"),
        AnalyzerTest.Diagnostic("CHPC0102").WithLocation(1).WithArguments("bad-name", "'-' is not allowed; a package name is a Julia identifier (ASCII letters, digits, '_')"));

    [Fact]
    public Task Develop_without_url_is_reported_at_develop() => AnalyzerTest.VerifyAsync("""
        using ClusterlessHpc;
        [BatchPool("ok")]
        [Julia("1.10.5")]
        [JuliaPackage("JOLI", Develop = {|#0:true|})]
        public partial class Pool;
        """,
        AnalyzerTest.Diagnostic("CHPC0103").WithLocation(0).WithArguments("JOLI"));

    [Fact]
    public Task Several_mistakes_are_all_reported() => AnalyzerTest.VerifyAsync("""
        using ClusterlessHpc;
        [BatchPool({|CHPC0002:"a b"|})]
        [Julia({|CHPC0101:"latest"|})]
        [JuliaPackage({|CHPC0102:"1x"|}, Develop = {|CHPC0103:true|})]
        public class {|CHPC0001:Pool|};
        """);

    [Fact]
    public Task Pragma_suppresses_a_rule()
    {
        var test = AnalyzerTest.Create("""
            using ClusterlessHpc;
            #pragma warning disable CHPC0101
            [BatchPool("ok")]
            [Julia("1.10")]
            public partial class Pool;
            #pragma warning restore CHPC0101
            """);
        return test.RunAsync();
    }

    // File names that sort the other way round from the compilation's order: the later file is the one in the compilation's order.
    [Theory]
    [InlineData("/src/Zeta.cs", "/src/Alpha.cs")]
    [InlineData("/0/Test9.cs", "/0/Test10.cs")]
    [InlineData("/0/Test0.cs", "/0/Test1.cs")]
    public Task A_duplicate_pool_id_is_reported_at_the_later_declaration_across_files(string first, string second)
    {
        var test = AnalyzerTest.Create("");
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add((first, "using ClusterlessHpc;\n[BatchPool(\"redwood\")] public partial class First;\n"));
        test.TestState.Sources.Add((second, "using ClusterlessHpc;\n[BatchPool({|#0:\"Redwood\"|})] public partial class Second;\n"));
        test.ExpectedDiagnostics.Add(AnalyzerTest.Diagnostic("CHPC0004").WithLocation(0).WithArguments("Redwood", "First"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_duplicate_pool_id_in_one_file_is_reported_at_the_later_declaration_naming_the_first() => AnalyzerTest.VerifyAsync("""
        using ClusterlessHpc;
        [BatchPool("redwood")] public partial class First;
        [BatchPool("sequoia")] public partial class Other;
        [BatchPool({|#0:"REDWOOD"|})] public partial class Third;
        """,
        AnalyzerTest.Diagnostic("CHPC0004").WithLocation(0).WithArguments("REDWOOD", "First"));

    [Fact]
    public Task A_pool_on_an_agent_with_an_announced_retirement_gets_the_date_and_the_replacement() => AnalyzerTest.VerifyAsync("""
        using ClusterlessHpc;
        [BatchPool("hpc")][{|#0:MarketplaceImage("microsoft-dsvm", "ubuntu-hpc", "2204")|}] public partial class Hpc;
        [BatchPool("plain")][{|#1:MarketplaceImage("canonical", "0001-com-ubuntu-server-jammy", "22_04-lts")|}] public partial class Plain;
        [BatchPool("custom")][CustomImage("/SharedGalleries/g/Images/i", NodeAgentSku = {|#2:"batch.node.ubuntu 22.04"|})] public partial class Custom;
        """,
        AnalyzerTest.Diagnostic("CHPC0044").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithArguments("batch.node.ubuntu 22.04", "2027-06-30", "microsoft-dsvm:ubuntu-hpc:2404 with 'batch.node.ubuntu 24.04'"),
        AnalyzerTest.Diagnostic("CHPC0044").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1)
            .WithArguments("batch.node.ubuntu 22.04", "2027-06-30", "canonical:ubuntu-24_04-lts:server with 'batch.node.ubuntu 24.04'"),
        AnalyzerTest.Diagnostic("CHPC0044").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(2)
            .WithArguments("batch.node.ubuntu 22.04", "2027-06-30", "canonical:ubuntu-24_04-lts:server with 'batch.node.ubuntu 24.04'"));
}
