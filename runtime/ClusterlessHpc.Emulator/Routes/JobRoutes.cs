using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Http;
using ClusterlessHpc.Emulator.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClusterlessHpc.Emulator.Routes
{
    /// <summary>The job resource: add, list, get, patch, update, terminate, delete and its task counts.</summary>
    internal static class JobRoutes
    {
        public static void Map(IEndpointRouteBuilder routes, PoolModel store)
        {
            routes.MapPost("/jobs", context => AddAsync(context, store));
            routes.MapGet("/jobs", context => ListAsync(context, store));
            routes.MapGet("/jobs/{jobId}", context => GetAsync(context, store));
            routes.MapPatch("/jobs/{jobId}", context => ChangeAsync(context, store, replaceAll: false));
            routes.MapPut("/jobs/{jobId}", context => ChangeAsync(context, store, replaceAll: true));
            routes.MapPost("/jobs/{jobId}/terminate", context => TerminateAsync(context, store));
            routes.MapDelete("/jobs/{jobId}", context => DeleteAsync(context, store));
            routes.MapGet("/jobs/{jobId}/taskcounts", context => CountsAsync(context, store));
            routes.MapGet("/jobs/{jobId}/jobpreparationandreleasetaskstatus", context => PreparationAndReleaseStatus(context, store));
        }

        internal static string JobId(HttpContext context) => (string)context.Request.RouteValues["jobId"]!;

        internal static string JobUrl(HttpRequest request, string jobId) => JobView.Url(BaseUrl.Of(request), jobId);

        private static async Task AddAsync(HttpContext context, PoolModel store)
        {
            QueryRules.Require(context.Request);
            ConditionalHeaders.Read(context.Request, ConditionSupport.None);
            var body = await RequestBodies.ReadObjectAsync(context.Request).ConfigureAwait(false);
            Unsupported.RefuseJobFeatures(body);
            var spec = RequestBodies.Deserialize(body, JobJsonContext.Default.JobSpec);
            var versions = store.AddJob(spec);
            await Responses.Empty(context, StatusCodes.Status201Created, versions, JobUrl(context.Request, spec.Id)).ConfigureAwait(false);
        }

        private static Task ListAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "$filter", "$select", "$expand", "maxresults", "$skiptoken");
            ConditionalHeaders.Read(request, ConditionSupport.None);
            var filter = ODataFilter.Parse(QueryRules.Get(request, "$filter"), JobView.Properties);
            var select = ODataSelect.Parse(QueryRules.Get(request, "$select"), JobView.Properties);
            RefuseExpand(request);
            var baseUrl = BaseUrl.Of(request);
            var (items, nextLink, versions) = store.ReadJobs((jobs, now) =>
            {
                var rendered = jobs.Select(j => (j.Id, Json: JobView.Render(j, baseUrl))).Where(j => filter?.Matches(j.Json) ?? true).ToList();
                var (page, next) = Paging.Page(request, rendered, j => j.Id);
                return (page.Select(j => (JsonNode)(select?.Apply(j.Json) ?? j.Json)).ToArray(), next, Newest(jobs.Select(j => j.LastModified), now));
            });
            return Responses.List(context, ODataMetadata.Jobs, new JsonArray(items), nextLink, versions);
        }

        private static Task GetAsync(HttpContext context, PoolModel store)
        {
            var request = context.Request;
            QueryRules.Require(request, "$select", "$expand");
            var conditions = ConditionalHeaders.Read(request, ConditionSupport.All);
            var select = ODataSelect.Parse(QueryRules.Get(request, "$select"), JobView.Properties);
            RefuseExpand(request);
            var (json, versions) = store.ReadJob(JobId(context), conditions?.ForModel(isRead: true), (job, _) =>
                (JobView.Render(job, BaseUrl.Of(request)), new Versions(job.ETag, job.LastModified)));
            Responses.SetVersions(context.Response, versions);
            return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, select?.Apply(json) ?? json, ODataMetadata.Job);
        }

        /// <summary>PATCH changes what the body names; PUT (update) replaces every updatable property.</summary>
        private static async Task ChangeAsync(HttpContext context, PoolModel store, bool replaceAll)
        {
            QueryRules.Require(context.Request);
            var conditions = ConditionalHeaders.Read(context.Request, ConditionSupport.All);
            var body = await RequestBodies.ReadObjectAsync(context.Request).ConfigureAwait(false);
            Unsupported.RefuseJobFeatures(body);
            var changes = RequestBodies.Deserialize(body, JobJsonContext.Default.JobSpec);
            var condition = conditions?.ForModel(isRead: false);
            var versions = replaceAll
                ? store.UpdateJob(JobId(context), changes, condition)
                : store.PatchJob(JobId(context), changes, condition);
            await Responses.Empty(context, StatusCodes.Status200OK, versions, JobUrl(context.Request, JobId(context))).ConfigureAwait(false);
        }

        private static async Task TerminateAsync(HttpContext context, PoolModel store)
        {
            QueryRules.Require(context.Request, "force");
            var conditions = ConditionalHeaders.Read(context.Request, ConditionSupport.All);
            string? reason = null;
            if (context.Request.ContentLength is > 0)
            {
                reason = (await RequestBodies.ReadAsync(context.Request, JobJsonContext.Default.JobTerminateBody).ConfigureAwait(false)).TerminateReason;
            }
            var versions = store.TerminateJob(JobId(context), reason, conditions?.ForModel(isRead: false));
            await Responses.Empty(context, StatusCodes.Status202Accepted, versions, JobUrl(context.Request, JobId(context))).ConfigureAwait(false);
        }

        private static Task DeleteAsync(HttpContext context, PoolModel store)
        {
            QueryRules.Require(context.Request, "force");
            var conditions = ConditionalHeaders.Read(context.Request, ConditionSupport.All);
            store.DeleteJob(JobId(context), conditions?.ForModel(isRead: false));
            return Responses.Empty(context, StatusCodes.Status202Accepted);
        }

        private static Task CountsAsync(HttpContext context, PoolModel store)
        {
            QueryRules.Require(context.Request);
            ConditionalHeaders.Read(context.Request, ConditionSupport.None);
            var json = store.ReadJob(JobId(context), null, (job, _) => JobView.Counts(job.Tally));
            return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, json, ODataMetadata.TaskCounts);
        }

        /// <summary>
        /// The status of a job's preparation and release tasks. The emulator refuses jobs that have either, so every job it
        /// has gets the service's answer for a job without them: 409 JobPreparationTaskOrReleaseTaskNotSpecified
        /// (batch-recordings, node-sdk-batchservice-tests.jsonl); a job it does not have, JobNotFound.
        /// </summary>
        private static Task PreparationAndReleaseStatus(HttpContext context, PoolModel store)
        {
            QueryRules.Require(context.Request, "$filter", "$select", "maxresults", "$skiptoken");
            ConditionalHeaders.Read(context.Request, ConditionSupport.None);
            store.ReadJob(JobId(context), null, (_, _) => 0);
            throw new EmulatorException(StatusCodes.Status409Conflict, "JobPreparationTaskOrReleaseTaskNotSpecified",
                "The specified job does not have either job preparation task or job release task.");
        }

        /// <summary>A list's versions: those of its newest item (the service's list headers), or now for an empty list.</summary>
        internal static Versions Newest(IEnumerable<DateTimeOffset> times, DateTimeOffset now)
        {
            var latest = times.DefaultIfEmpty(now).Max();
            return new Versions("0x" + latest.UtcTicks.ToString("X", CultureInfo.InvariantCulture), latest);
        }

        /// <summary>Jobs and tasks expand only <c>stats</c>, which the emulator does not keep.</summary>
        internal static void RefuseExpand(HttpRequest request)
        {
            if (QueryRules.Get(request, "$expand") is { Length: > 0 } expand)
            {
                throw BatchErrors.InvalidQueryParameterValue("$expand", expand, "The emulator keeps no job or task statistics to expand.");
            }
        }
    }
}
