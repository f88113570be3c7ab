using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Http
{
    /// <summary>
    /// The <c>odata.metadata</c> the service puts first in each JSON body, <c>{account URL}$metadata#{kind}</c>, with
    /// the kinds its recorded answers show. The spec does not declare the property; clients ignore it or read it as OData.
    /// </summary>
    internal static class ODataMetadata
    {
        public const string PropertyName = "odata.metadata";

        public const string Pools = "pools";
        public const string Pool = "pools/@Element";
        public const string Nodes = "nodes";
        public const string Node = "nodes/@Element";
        public const string Files = "files";
        public const string NodeCounts = "poolnodecounts";
        public const string SupportedImages = "supportedimages";
        public const string UsageMetrics = "poolusagemetrics";
        public const string Jobs = "jobs";
        public const string Job = "jobs/@Element";
        public const string Tasks = "tasks";
        public const string Task = "tasks/@Element";
        public const string TaskAddResults = "taskaddresult";
        public const string TaskCounts = "taskcountsresult/@Element";
        public const string AutoScaleRun = "Microsoft.Azure.Batch.Protocol.Entities.AutoScaleRun";
        public const string Error = "Microsoft.Azure.Batch.Protocol.Entities.Container.errors/@Element";

        public static string Url(HttpRequest request, string kind) => BaseUrl.Of(request) + "$metadata#" + kind;
    }
}
