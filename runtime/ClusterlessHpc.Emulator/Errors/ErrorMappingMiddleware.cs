using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator.Errors
{
    /// <summary>
    /// The one place that turns failures into responses: an <see cref="EmulatorException"/> becomes its status and
    /// Batch error body (a <see cref="PoolModelException"/> the status the service gives its code), anything else a 500 <c>InternalError</c> (logged), so the real client always gets a body it parses.
    /// </summary>
    internal sealed class ErrorMappingMiddleware
    {
        private readonly TimeProvider _clock;
        private readonly ILogger _logger;

        public ErrorMappingMiddleware(TimeProvider clock, ILogger logger)
        {
            _clock = clock;
            _logger = logger;
        }

        public async Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (EmulatorException error) when (!context.Response.HasStarted)
            {
                await ErrorResponses.WriteAsync(context, error, _clock.GetUtcNow()).ConfigureAwait(false);
            }
            catch (InvalidUrlException refusal) when (!context.Response.HasStarted)
            {
                _logger.LogDebug("Refused {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, refusal.Message);
                await ErrorResponses.WriteInvalidUrlAsync(context).ConfigureAwait(false);
            }
            catch (PoolModelException refusal) when (!context.Response.HasStarted)
            {
                await ErrorResponses.WriteAsync(context, BatchErrors.From(refusal), _clock.GetUtcNow()).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                // Kestrel could not read the request (too large, cut short): the caller's fault, not a 500.
                var error = e.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? BatchErrors.RequestBodyTooLarge()
                    : BatchErrors.InvalidRequestBody("The request body could not be read.");
                await ErrorResponses.WriteAsync(context, error, _clock.GetUtcNow()).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The caller went away; there is no one to answer.
            }
            catch (Exception exception) when (!context.Response.HasStarted)
            {
                _logger.LogError(exception, "The emulator failed on {Method} {Path}.", context.Request.Method, context.Request.Path);
                await ErrorResponses.WriteAsync(context, BatchErrors.InternalError(), _clock.GetUtcNow()).ConfigureAwait(false);
            }
        }
    }
}
