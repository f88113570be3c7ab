using ClusterlessHpc.Legacy;
using static ClusterlessHpc.Tests.Legacy.LegacySamples;

namespace ClusterlessHpc.Tests.Legacy;

public class LegacyParametersTests
{
    [Fact]
    public void An_empty_file_gives_the_packages_defaults()
    {
        var parameters = LegacyParameters.Parse("{}");

        Assert.Equal("BatchPool", parameters.PoolId);
        Assert.Equal(1, parameters.PoolCount);
        Assert.Equal(1, parameters.NodeCountPerPool);
        Assert.Equal(LegacyParameterKeys.NodeCountPerPool, parameters.NodeCountKey);
        Assert.Equal("Standard_E2s_v3", parameters.VmSize);
        Assert.Equal(("Canonical", "UbuntuServer", "18.04"), (parameters.NodeOsPublisher, parameters.NodeOsOffer, parameters.NodeOsSku));
        Assert.Equal("azureclusterlesshpctemp", parameters.BlobContainer);
        Assert.False(parameters.InterNodeConnection);
        Assert.Null(parameters.Container);
        Assert.Equal("/mnt/batch/tasks/startup/wd/.julia", parameters.JuliaDepotPath);
        Assert.Empty(parameters.GivenKeys);
        Assert.Empty(parameters.Warnings);

        var job = parameters.Job;
        Assert.Equal("BatchJob", job.JobId);
        Assert.Equal(0, job.TaskRetryCount);
        Assert.False(job.MpiRun);
        Assert.Equal(1, job.NodesPerTask);
        Assert.Equal(1, job.ProcessesPerNode);
        Assert.Equal(1, job.OmpThreads);
        Assert.Equal("1", job.JuliaThreads);
        Assert.Equal("/mnt/batch/tasks/startup/wd/.local/lib/python3.6/site-packages", job.PythonPath);
        Assert.True(job.Verbose);
        Assert.Equal("stdout.txt", job.StandardOutFileName);
    }

    [Fact]
    public void Every_key_of_the_table_has_a_default_value()
    {
        var values = LegacyParameters.Defaults.Values;
        Assert.Equal(21, values.Count);
        foreach (var pair in LegacyParameterKeys.Defaults) Assert.Equal(pair.Value, values[pair.Key]);
    }

    [Fact]
    public void A_file_overrides_every_key_it_names()
    {
        var parameters = LegacyParameters.Parse(FullParameters);

        Assert.Equal("redwood", parameters.PoolId);
        Assert.Equal(3, parameters.PoolCount);
        Assert.Equal(4, parameters.NodeCountPerPool);
        Assert.Equal("Standard_E8s_v3", parameters.VmSize);
        Assert.Equal("redwoodtemp", parameters.BlobContainer);
        Assert.True(parameters.InterNodeConnection);
        Assert.Equal("username/redwood:v1.0", parameters.Container);
        Assert.Equal("/opt/julia/depot", parameters.JuliaDepotPath);
        Assert.Equal(21, parameters.GivenKeys.Count);
        Assert.Empty(parameters.Warnings);

        var job = parameters.Job;
        Assert.Equal("redwood-job", job.JobId);
        Assert.Equal(2, job.TaskRetryCount);
        Assert.True(job.MpiRun);
        Assert.Equal(2, job.NodesPerTask);
        Assert.Equal(8, job.ProcessesPerNode);
        Assert.Equal(4, job.OmpThreads);
        Assert.Equal("auto", job.JuliaThreads);
        Assert.Equal("/opt/python/site-packages", job.PythonPath);
        Assert.False(job.Verbose);
        Assert.Equal("out.txt", job.StandardOutFileName);
    }

    [Fact]
    public void A_file_naming_some_keys_keeps_the_defaults_of_the_others()
    {
        var parameters = LegacyParameters.Parse("""{ "_POOL_VM_SIZE": "Standard_D4s_v5" }""");

        Assert.Equal("Standard_D4s_v5", parameters.VmSize);
        Assert.Equal("BatchPool", parameters.PoolId);
        Assert.Equal(1, parameters.PoolCount);
        Assert.True(parameters.IsGiven(LegacyParameterKeys.PoolVmSize));
        Assert.False(parameters.IsGiven(LegacyParameterKeys.PoolId));
    }

    [Fact]
    public void Unquoted_numbers_and_flag_booleans_mean_the_same_as_their_strings()
    {
        var parameters = LegacyParameters.Parse("""
            { "_POOL_COUNT": 2, "_NODE_COUNT_PER_POOL": 3, "_INTER_NODE_CONNECTION": true, "_VERBOSE": false, "_POOL_ID": 42 }
            """);

        Assert.Equal(2, parameters.PoolCount);
        Assert.Equal(3, parameters.NodeCountPerPool);
        Assert.True(parameters.InterNodeConnection);
        Assert.False(parameters.Job.Verbose);
        Assert.Equal("42", parameters.PoolId);
    }

    [Theory]
    [InlineData(LegacyParameterKeys.NodeCountPerPool)]
    [InlineData(LegacyParameterKeys.PoolNodeCount)]
    public void Both_spellings_of_the_node_count_are_read(string key)
    {
        var parameters = LegacyParameters.Parse($$"""{ "{{key}}": "5" }""");

        Assert.Equal(5, parameters.NodeCountPerPool);
        Assert.Equal(key, parameters.NodeCountKey);
        Assert.Equal("5", parameters.Values[LegacyParameterKeys.NodeCountPerPool]);
        Assert.Empty(parameters.Warnings);
    }

    [Fact]
    public void Both_spellings_may_be_given_when_they_agree()
    {
        var parameters = LegacyParameters.Parse("""{ "_NODE_COUNT_PER_POOL": "2", "_POOL_NODE_COUNT": 2 }""");

        Assert.Equal(2, parameters.NodeCountPerPool);
    }

    [Fact]
    public void Both_spellings_that_disagree_are_an_error_naming_both_keys()
    {
        var error = Throws(() => LegacyParameters.Parse("""{ "_NODE_COUNT_PER_POOL": "2", "_POOL_NODE_COUNT": "3" }"""),
            LegacyParameterKeys.NodeCountPerPool, "parameters.json");

        Assert.Contains(LegacyParameterKeys.PoolNodeCount, error.Message);
        Assert.Contains("\"2\"", error.Message);
        Assert.Contains("\"3\"", error.Message);
    }

    [Fact]
    public void Unknown_keys_are_warnings_naming_the_key_and_the_file()
    {
        var parameters = LegacyParameters.Parse("""{ "_POOL_COLOUR": "blue", "_pool_id": "x" }""", "my/parameters.json");

        Assert.Equal(2, parameters.Warnings.Count);
        var unknown = parameters.Warnings[0];
        Assert.Equal("_POOL_COLOUR", unknown.Key);
        Assert.Equal("my/parameters.json", unknown.SourceName);
        Assert.StartsWith("my/parameters.json: warning: _POOL_COLOUR: unknown key", unknown.ToString());
        Assert.Contains("did you mean _POOL_ID?", parameters.Warnings[1].Message);
        Assert.Equal("BatchPool", parameters.PoolId);
    }

    [Fact]
    public void A_repeated_key_keeps_its_last_value_with_a_warning()
    {
        var parameters = LegacyParameters.Parse("""{ "_POOL_ID": "first", "_POOL_ID": "second" }""");

        Assert.Equal("second", parameters.PoolId);
        Assert.Equal(LegacyParameterKeys.PoolId, Assert.Single(parameters.Warnings).Key);
    }

    [Fact]
    public void Several_nodes_per_task_without_inter_node_connection_fall_back_to_one_with_a_warning()
    {
        var parameters = LegacyParameters.Parse("""{ "_NUM_NODES_PER_TASK": "4" }""");

        Assert.Equal(1, parameters.Job.NodesPerTask);
        var warning = Assert.Single(parameters.Warnings);
        Assert.Equal(LegacyParameterKeys.NumNodesPerTask, warning.Key);
        Assert.Contains(LegacyParameterKeys.InterNodeConnection, warning.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("2.5")]
    [InlineData("")]
    public void Pool_count_must_be_a_positive_integer(string value)
    {
        var error = Throws(() => LegacyParameters.Parse($$"""{ "_POOL_COUNT": "{{value}}" }"""), LegacyParameterKeys.PoolCount, "parameters.json");

        Assert.Contains("positive integer", error.Message);
    }

    [Fact]
    public void An_unquoted_fraction_for_the_pool_count_is_an_error_too()
    {
        Throws(() => LegacyParameters.Parse("""{ "_POOL_COUNT": 2.5 }"""), LegacyParameterKeys.PoolCount, "parameters.json");
    }

    [Theory]
    [InlineData("_NODE_COUNT_PER_POOL", "-2")]
    [InlineData("_POOL_NODE_COUNT", "many")]
    [InlineData("_NUM_RETRYS", "-1")]
    [InlineData("_NUM_NODES_PER_TASK", "0")]
    [InlineData("_NUM_PROCS_PER_NODE", "x")]
    [InlineData("_OMP_NUM_THREADS", "0")]
    [InlineData("_INTER_NODE_CONNECTION", "yes")]
    [InlineData("_MPI_RUN", "2")]
    [InlineData("_VERBOSE", "on")]
    public void A_value_of_the_wrong_kind_is_an_error_naming_the_key(string key, string value)
    {
        var error = Throws(() => LegacyParameters.Parse($$"""{ "{{key}}": "{{value}}" }""", "p.json"), key, "p.json");

        Assert.Contains($"'{value}'", error.Message);
    }

    [Theory]
    [InlineData("_POOL_ID", "{}", "an object")]
    [InlineData("_POOL_VM_SIZE", "[\"Standard_E2s_v3\"]", "an array")]
    [InlineData("_POOL_ID", "true", "true")]
    [InlineData("_CONTAINER", "null", "null")]
    public void Values_that_are_not_strings_or_numbers_are_errors(string key, string json, string described)
    {
        var error = Throws(() => LegacyParameters.Parse($$"""{ "{{key}}": {{json}} }"""), key, "parameters.json");

        Assert.Contains(described, error.Reason);
    }

    [Theory]
    [InlineData("ab", "3 to 63")]
    [InlineData("my_container", "'_' is not allowed")]
    [InlineData("double--hyphen", "hyphen")]
    public void The_blob_container_must_be_a_container_name(string value, string why)
    {
        var error = Throws(() => LegacyParameters.Parse($$"""{ "_BLOB_CONTAINER": "{{value}}" }"""), LegacyParameterKeys.BlobContainer, "parameters.json");

        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void The_container_none_means_no_container()
    {
        Assert.Null(LegacyParameters.Parse("""{ "_CONTAINER": "None" }""").Container);
        Assert.Null(LegacyParameters.Parse("""{ "_CONTAINER": "" }""").Container);
        Assert.Equal("julia:1.10", LegacyParameters.Parse("""{ "_CONTAINER": "julia:1.10" }""").Container);
    }

    [Fact]
    public void Malformed_json_is_an_error_with_line_position_and_the_key_before_it()
    {
        const string json = "{\n  \"_POOL_ID\": \"redwood\",\n  \"_POOL_COUNT\": \"2\"\n  \"_POOL_VM_SIZE\": \"Standard_E2s_v3\"\n}";

        var error = Throws(() => LegacyParameters.Parse(json, "parameters.json"), LegacyParameterKeys.PoolCount, "parameters.json");

        Assert.Equal(4, error.Line);
        Assert.Equal(3, error.Position);
        Assert.Equal("parameters.json(4,3): _POOL_COUNT: the file is not valid JSON after this key; look for a missing quote, comma or brace", error.Message);
        Assert.Null(error.InnerException);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"_POOL_ID\"", "a string")]
    public void The_file_must_hold_an_object(string json, string described)
    {
        var error = Throws(() => LegacyParameters.Parse(json), null, "parameters.json");

        Assert.Contains(described, error.Message);
    }

    [Fact]
    public void Load_reads_a_file_and_names_its_path()
    {
        var path = WriteFile("parameters.json", "\uFEFF" + """{ "_POOL_ID": "fromfile", "_POOL_COUNT": "x" }""");

        var error = Throws(() => LegacyParameters.Load(path), LegacyParameterKeys.PoolCount, path);
        Assert.Contains("parameters.json", error.Message);

        File.WriteAllText(path, """{ "_POOL_ID": "fromfile" }""");
        var parameters = LegacyParameters.Load(path);
        Assert.Equal("fromfile", parameters.PoolId);
        Assert.Equal(path, parameters.SourceName);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "chpc-no-such-folder-" + Guid.NewGuid().ToString("N"), "parameters.json");

        var error = Throws(() => LegacyParameters.Load(path), null, path);

        Assert.Contains("does not exist", error.Message);
    }
}
