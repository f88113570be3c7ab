using System;
using System.Collections.Generic;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace ClusterlessHpc.Batch
{
    /// <summary>Reads the Batch error body (<c>code</c>, <c>message.value</c>, <c>values[{key,value}]</c>) into RequestFailedException details.</summary>
    internal sealed class BatchErrorParser : RequestFailedDetailsParser
    {
        public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
        {
            error = null;
            data = null;
            try
            {
                if (response.Content is null || response.Content.ToMemory().IsEmpty) return false;
                var body = JsonSerializer.Deserialize(response.Content.ToStream(), BatchJsonContext.Default.BatchErrorBody);
                if (body?.Code is null) return false;
                error = new ResponseError(body.Code, body.Message?.Value ?? body.Code);
                if (body.Values is { Count: > 0 })
                {
                    data = new Dictionary<string, string>();
                    foreach (var detail in body.Values)
                    {
                        if (detail.Key is not null) data[detail.Key] = detail.Value ?? "";
                    }
                }
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}
