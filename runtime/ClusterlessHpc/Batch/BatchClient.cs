using System;
using System.Collections.Generic;
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
    /// A client for the Azure Batch data-plane REST API (pools and nodes), on the Azure.Core pipeline: retries,
    /// logging and transport come from <see cref="BatchClientOptions"/>; failures are <see cref="RequestFailedException"/>
    /// carrying the Batch error code.
    /// </summary>
    public class BatchClient
    {
        /// <summary>The token scope of Azure Batch: the resource id plus <c>/.default</c>, hence the double slash.</summary>
        public const string TokenScope = "https://batch.core.windows.net//.default";

        private const string JsonContentType = "application/json; odata=minimalmetadata";

        private readonly HttpPipeline _pipeline;
        private readonly Uri _endpoint;
        private readonly string _apiVersion;

        /// <summary>Authenticates with the account name and key (Shared Key).</summary>
        public BatchClient(Uri endpoint, AzureNamedKeyCredential credential, BatchClientOptions? options = null)
            : this(endpoint, new BatchSharedKeyPolicy(credential ?? throw new ArgumentNullException(nameof(credential))), options)
        {
        }

        /// <summary>Authenticates with Microsoft Entra ID tokens (for example <c>DefaultAzureCredential</c>).</summary>
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
        }

        private BatchClient(Uri endpoint, HttpPipelinePolicy authentication, BatchClientOptions? options)
        {
            _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
            if (!endpoint.IsAbsoluteUri) throw new ArgumentException($"The Batch endpoint '{endpoint}' is not an absolute URI.", nameof(endpoint));
            options ??= new BatchClientOptions();
            _apiVersion = options.Version;
            _pipeline = HttpPipelineBuilder.Build(new HttpPipelineOptions(options)
            {
                PerCallPolicies = { new BatchHeadersPolicy() },
                PerRetryPolicies = { authentication },
                RequestFailedDetailsParser = new BatchErrorParser(),
            });
        }

        /// <summary>The account endpoint, for example <c>https://myaccount.westeurope.batch.azure.com</c>.</summary>
        public virtual Uri Endpoint => _endpoint;

        /// <summary>Adds a pool (POST /pools, 201). An existing id fails with <c>PoolExists</c> (409).</summary>
        public virtual async Task<Response> CreatePoolAsync(BatchPoolCreateOptions pool, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(pool);
            using var message = CreateMessage(RequestMethod.Post, "/pools", 201);
            SetJsonBody(message, pool, BatchJsonContext.Default.BatchPoolCreateOptions);
            return await SendAsync(message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Gets a pool (GET /pools/{poolId}); a missing pool fails with <c>PoolNotFound</c> (404).</summary>
        public virtual async Task<Response<BatchPool>> GetPoolAsync(string poolId, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Get, "/pools/" + EscapeId(poolId, nameof(poolId)), 200);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            return Response.FromValue(Read(response, BatchJsonContext.Default.BatchPool), response);
        }

        /// <summary>Starts deleting a pool (DELETE /pools/{poolId}, 202): it passes through <c>deleting</c> before it is gone.</summary>
        public virtual async Task<Response> DeletePoolAsync(string poolId, CancellationToken cancellationToken = default)
        {
            using var message = CreateMessage(RequestMethod.Delete, "/pools/" + EscapeId(poolId, nameof(poolId)), 202);
            return await SendAsync(message, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Lists a pool's nodes (GET /pools/{poolId}/nodes), following <c>odata.nextLink</c>.</summary>
        public virtual AsyncPageable<BatchNode> GetNodesAsync(string poolId, CancellationToken cancellationToken = default)
        {
            var path = "/pools/" + EscapeId(poolId, nameof(poolId)) + "/nodes";
            return new BatchPageable<BatchNode>(
                nextLink => ListPageAsync(path, nextLink, BatchJsonContext.Default.BatchListResultBatchNode, cancellationToken));
        }

        private async Task<(IReadOnlyList<T> Items, string? NextLink, Response Response)> ListPageAsync<T>(
            string path, string? nextLink, JsonTypeInfo<BatchListResult<T>> typeInfo, CancellationToken cancellationToken)
        {
            using var message = nextLink is null
                ? CreateMessage(RequestMethod.Get, path, 200)
                : CreateMessage(RequestMethod.Get, new Uri(nextLink), 200);
            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            var page = Read(response, typeInfo);
            return (page.Value, page.NextLink, response);
        }

        private HttpMessage CreateMessage(RequestMethod method, string path, int expectedStatus)
        {
            var uri = new RequestUriBuilder();
            uri.Reset(_endpoint);
            uri.AppendPath(path, escape: false);
            uri.AppendQuery("api-version", _apiVersion);
            return CreateMessage(method, uri, expectedStatus);
        }

        private HttpMessage CreateMessage(RequestMethod method, Uri absolute, int expectedStatus)
        {
            var uri = new RequestUriBuilder();
            uri.Reset(absolute);
            return CreateMessage(method, uri, expectedStatus);
        }

        private HttpMessage CreateMessage(RequestMethod method, RequestUriBuilder uri, int expectedStatus)
        {
            var message = _pipeline.CreateMessage();
            message.ResponseClassifier = new StatusCodeClassifier(stackalloc ushort[] { (ushort)expectedStatus });
            message.Request.Method = method;
            message.Request.Uri = uri;
            message.Request.Headers.Add("Accept", "application/json");
            return message;
        }

        private static void SetJsonBody<T>(HttpMessage message, T body, JsonTypeInfo<T> typeInfo)
        {
            message.Request.Headers.SetValue("Content-Type", JsonContentType);
            message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        }

        private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (message.Response.IsError) throw new RequestFailedException(message.Response);
            return message.Response;
        }

        private static T Read<T>(Response response, JsonTypeInfo<T> typeInfo) =>
            JsonSerializer.Deserialize(response.Content.ToStream(), typeInfo)
            ?? throw new RequestFailedException(response.Status, $"The Batch service returned an empty {typeof(T).Name}.");

        private static string EscapeId(string id, string parameterName)
        {
            ArgumentException.ThrowIfNullOrEmpty(id, parameterName);
            return Uri.EscapeDataString(id);
        }
    }
}
