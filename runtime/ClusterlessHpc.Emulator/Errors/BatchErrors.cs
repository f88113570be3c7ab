using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Errors
{
    /// <summary>The errors the emulator returns, with the Batch service's codes, statuses and messages.</summary>
    internal static class BatchErrors
    {
        public static EmulatorException PoolNotFound() =>
            new(StatusCodes.Status404NotFound, "PoolNotFound", "The specified pool does not exist.");

        public static EmulatorException PoolExists() =>
            new(StatusCodes.Status409Conflict, "PoolExists", "The specified pool already exists.");

        public static EmulatorException PoolBeingDeleted() =>
            new(StatusCodes.Status409Conflict, "PoolBeingDeleted", "The specified pool has been marked for deletion and is being reclaimed.");

        public static EmulatorException NodeNotFound() =>
            new(StatusCodes.Status404NotFound, "NodeNotFound", "The specified node does not exist.");

        public static EmulatorException MissingRequiredProperty(string property) =>
            new(StatusCodes.Status400BadRequest, "MissingRequiredProperty",
                "A required property was not specified in the request body.",
                Detail("PropertyName", property));

        public static EmulatorException InvalidPropertyValue(string property, string reason) =>
            new(StatusCodes.Status400BadRequest, "InvalidPropertyValue",
                "The value provided for one of the properties in the request body is invalid.",
                Detail("PropertyName", property), Detail("Reason", reason));

        public static EmulatorException InvalidRequestBody(string reason) =>
            new(StatusCodes.Status400BadRequest, "InvalidRequestBody",
                "The specified Request Body is not syntactically valid.",
                Detail("Reason", reason));

        public static EmulatorException RequestBodyTooLarge() =>
            new(StatusCodes.Status413PayloadTooLarge, "RequestBodyTooLarge", "The request body is too large and exceeds the maximum permissible limit.");

        public static EmulatorException MissingRequiredQueryParameter(string name) =>
            new(StatusCodes.Status400BadRequest, "MissingRequiredQueryParameter",
                "A query parameter that's mandatory for this request is not specified.",
                Detail("QueryParameterName", name));

        public static EmulatorException InvalidQueryParameterValue(string name, string value, string reason) =>
            new(StatusCodes.Status400BadRequest, "InvalidQueryParameterValue",
                "Value for one of the query parameters specified in the request URI is invalid.",
                Detail("QueryParameterName", name), Detail("QueryParameterValue", value), Detail("Reason", reason));

        public static EmulatorException OutOfRangeQueryParameterValue(string name, string value, string reason) =>
            new(StatusCodes.Status400BadRequest, "OutOfRangeQueryParameterValue",
                "One of the query parameters specified in the request URI is outside the permissible range.",
                Detail("QueryParameterName", name), Detail("QueryParameterValue", value), Detail("Reason", reason));

        /// <summary>The detail says what was wrong; it never contains the key or the expected signature.</summary>
        public static EmulatorException AuthenticationFailed(string detail) =>
            new(StatusCodes.Status403Forbidden, "AuthenticationFailed",
                "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.",
                Detail("AuthenticationErrorDetail", detail));

        public static EmulatorException InvalidUri(string method, string path) =>
            new(StatusCodes.Status400BadRequest, "InvalidUri",
                "The requested URI does not represent any resource on the server.",
                Detail("Reason", $"The emulator has no operation {method} {path}."));

        public static EmulatorException InternalError() =>
            new(StatusCodes.Status500InternalServerError, "InternalError",
                "Server encountered an internal error. Please try again after some time.");

        private static KeyValuePair<string, string> Detail(string key, string value) => new(key, value);
    }
}
