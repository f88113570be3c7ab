using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using ClusterlessHpc.Batch.Models;

namespace ClusterlessHpc.Batch
{
    /// <summary>
    /// A client for the Azure Batch data-plane REST API (pools, nodes, node files, supported images, node counts, jobs,
    /// tasks, task counts, task files), on
    /// the Azure.Core pipeline: retries (honouring <c>Retry-After</c>), logging and transport come from
    /// <see cref="BatchClientOptions"/>; each call has a diagnostic scope named <c>BatchClient.Method</c>; failures are
    /// <see cref="RequestFailedException"/> carrying the Batch error code and the error's values in <c>Data</c>.
    /// The operations are split by area: <c>BatchClient.Pools.cs</c>, <c>.Nodes.cs</c>, <c>.NodeFiles.cs</c>, <c>.Account.cs</c>,
    /// <c>.Jobs.cs</c>, <c>.Tasks.cs</c>, <c>.CreateTasks.cs</c>, <c>.TaskFiles.cs</c>.
    /// </summary>
    public partial class BatchClient
    {
        /// <summary>The token scope of Azure Batch: the resource id plus <c>/.default</c>, hence the double slash.</summary>
        public const string TokenScope = "https://batch.core.windows.net//.default";

        private const string JsonContentType = "application/json; odata=minimalmetadata";

        private readonly HttpPipeline _pipeline;
        private readonly Uri _endpoint;
        private readonly string _apiVersion;
        private readonly BatchDiagnostics _diagnostics;

        /// <summary>Authenticates with the account name and key (Shared Key).</summary>
        public BatchClient(Uri endpoint, AzureNamedKeyCredential credential, BatchClientOptions? options = null)
            : this(endpoint, new BatchSharedKeyPolicy(credential ?? throw new ArgumentNullException(nameof(credential))), options)
        {
        }

        /// <summary>
        /// Authenticates with Microsoft Entra ID tokens (for example <c>DefaultAzureCredential</c>) for
        /// <see cref="TokenScope"/>. Azure.Core sends bearer tokens over HTTPS only.
        /// </summary>
        public BatchClient(Uri endpoint, TokenCredential credential, BatchClientOptions? options = null)
            : this(endpoint, new BearerTokenAuthenticationPolicy(credential ?? throw new ArgumentNullException(nameof(credential)), TokenScope), options)
        {
        }

        /// <summary>For mocking.</summary>
        protected BatchClient()
        {
            _pipeline = null!;
            _endpoint = null!;
            _apiVersion = null!;
            _diagnostics = null!;
        }

        private BatchClient(Uri endpoint, HttpPipelinePolicy authentication, BatchClientOptions? options)
        {
            _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
            if (!endpoint.IsAbsoluteUri) throw new ArgumentException($"The Batch endpoint '{endpoint}' is not an absolute URI.", nameof(endpoint));
            options ??= new BatchClientOptions();
            _apiVersion = options.Version;
            _diagnostics = new BatchDiagnostics(options.Diagnostics.IsDistributedTracingEnabled);
            _pipeline = HttpPipelineBuilder.Build(new HttpPipelineOptions(options)
            {
                PerCallPolicies = { new BatchHeadersPolicy() },
                PerRetryPolicies = { new BatchDatePolicy(), authentication },
                RequestFailedDetailsParser = new BatchErrorParser(),
            });
        }

        /// <summary>The account endpoint, for example <c>https://myaccount.westeurope.batch.azure.com</c>.</summary>
        public virtual Uri Endpoint => _endpoint;

        private HttpMessage CreateMessage(RequestMethod method, string path, params ReadOnlySpan<ushort> success)
        {
            var uri = new RequestUriBuilder();
            uri.Reset(_endpoint);
            uri.AppendPath(path, escape: false);
            uri.AppendQuery("api-version", _apiVersion);
            return CreateMessage(method, uri, success);
        }

        private HttpMessage CreateMessage(RequestMethod method, RequestUriBuilder uri, params ReadOnlySpan<ushort> success)
        {
            var message = _pipeline.CreateMessage();
            message.ResponseClassifier = new StatusCodeClassifier(success);
            message.Request.Method = method;
            message.Request.Uri = uri;
            message.Request.Headers.Add("Accept", "application/json");
            return message;
        }

        private static void AddQuery(HttpMessage message, string name, string? value)
        {
            if (value is not null) message.Request.Uri.AppendQuery(name, value, escapeValue: true);
        }

        private static void AddQuery(HttpMessage message, string name, IEnumerable<string>? values)
        {
            var list = values?.ToList();
            if (list is { Count: > 0 }) AddQuery(message, name, string.Join(",", list));
        }

        private static void AddQuery(HttpMessage message, string name, int? value)
        {
            if (value is { } number) AddQuery(message, name, number.ToString(CultureInfo.InvariantCulture));
        }

        private static void AddQuery(HttpMessage message, string name, bool? value)
        {
            if (value is { } flag) AddQuery(message, name, flag ? "true" : "false");
        }

        /// <summary>The conditional headers; Batch ETags travel unquoted, as the service writes them.</summary>
        private static void AddConditions(HttpMessage message, RequestConditions? conditions, bool datesOnly = false)
        {
            if (conditions is null) return;
            if (datesOnly && (conditions.IfMatch is not null || conditions.IfNoneMatch is not null))
            {
                throw new ArgumentException("Node file operations accept only If-Modified-Since and If-Unmodified-Since.", nameof(conditions));
            }
            var headers = message.Request.Headers;
            if (conditions.IfMatch is { } ifMatch) headers.SetValue("If-Match", ifMatch.ToString());
            if (conditions.IfNoneMatch is { } ifNoneMatch) headers.SetValue("If-None-Match", ifNoneMatch.ToString());
            if (conditions.IfModifiedSince is { } modified) headers.SetValue("If-Modified-Since", modified.ToString("R", CultureInfo.InvariantCulture));
            if (conditions.IfUnmodifiedSince is { } unmodified) headers.SetValue("If-Unmodified-Since", unmodified.ToString("R", CultureInfo.InvariantCulture));
        }

        private static void SetJsonBody<T>(HttpMessage message, T body, JsonTypeInfo<T> typeInfo)
        {
            message.Request.Headers.SetValue("Content-Type", JsonContentType);
            message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        }

        /// <summary>
        /// Sends and reads the answer inside the call's diagnostic scope, so a failure anywhere in the call (the request, an
        /// unexpected status, or a body that does not parse) marks its activity; an unexpected status becomes a
        /// <see cref="RequestFailedException"/>.
        /// </summary>
        private async Task<T> SendAsync<T>(string operation, HttpMessage message, Func<Response, T> read, CancellationToken cancellationToken)
        {
            using var scope = _diagnostics.CreateScope(operation);
            try
            {
                await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
                if (message.Response.IsError) throw new RequestFailedException(message.Response);
                return read(message.Response);
            }
            catch (Exception e)
            {
                scope.Failed(e);
                throw;
            }
        }

        private Task<Response> SendAsync(string operation, HttpMessage message, CancellationToken cancellationToken) =>
            SendAsync(operation, message, response => response, cancellationToken);

        private Task<Response<T>> SendAsync<T>(string operation, HttpMessage message, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
            SendAsync(operation, message, response => Response.FromValue(Read(response, typeInfo), response), cancellationToken);

        private static T Read<T>(Response response, JsonTypeInfo<T> typeInfo)
        {
            try
            {
                // The pipeline buffered the body: read it from memory, which is faster than a stream.
                return JsonSerializer.Deserialize(response.Content.ToMemory().Span, typeInfo)
                       ?? throw new RequestFailedException(response.Status, $"The Batch service returned an empty {typeof(T).Name}.");
            }
            catch (JsonException e)
            {
                throw new RequestFailedException(response.Status, $"The Batch service returned a {typeof(T).Name} that does not parse: {e.Message}", e);
            }
        }

        /// <summary>A list operation as pages, each fetched (in its own scope) by following <c>odata.nextLink</c>.</summary>
        private AsyncPageable<T> List<T>(
            string operation, string path, JsonTypeInfo<BatchListResult<T>> typeInfo, Action<HttpMessage> addQuery,
            int? maxResults, CancellationToken cancellationToken) where T : notnull =>
            new BatchPageable<T>(async (nextLink, pageSizeHint) =>
            {
                HttpMessage message;
                if (nextLink is null)
                {
                    message = CreateMessage(RequestMethod.Get, path, 200);
                    addQuery(message);
                    AddQuery(message, "maxresults", maxResults ?? pageSizeHint);
                }
                else
                {
                    // The next link is absolute and already carries every query parameter.
                    var uri = new RequestUriBuilder();
                    uri.Reset(new Uri(nextLink));
                    message = CreateMessage(RequestMethod.Get, uri, 200);
                }
                using (message)
                {
                    return await SendAsync(operation, message, response =>
                    {
                        var page = Read(response, typeInfo);
                        return (page.Value, page.NextLink, response);
                    }, cancellationToken).ConfigureAwait(false);
                }
            });

        private static string Escape(string id, string parameterName)
        {
            ArgumentException.ThrowIfNullOrEmpty(id, parameterName);
            return Uri.EscapeDataString(id);
        }

        private static string PoolPath(string poolId) => "/pools/" + Escape(poolId, nameof(poolId));

        private static string NodePath(string poolId, string nodeId) => PoolPath(poolId) + "/nodes/" + Escape(nodeId, nameof(nodeId));
    }
}
