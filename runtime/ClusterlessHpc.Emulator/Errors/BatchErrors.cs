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

        public static EmulatorException PoolBeingResized() =>
            new(StatusCodes.Status409Conflict, "PoolBeingResized",
                "The specified pool is currently being resized, and the operation is permitted only when its allocation state is steady.");

        /// <summary>The operation does not fit the resource's state, for example a resize of a pool that scales itself.</summary>
        public static EmulatorException OperationInvalidForCurrentState(string reason) =>
            new(StatusCodes.Status409Conflict, "OperationInvalidForCurrentState",
                "The specified operation is not valid for the current state of the resource.",
                Detail("Reason", reason));

        public static EmulatorException TooManyEnableAutoScaleRequests() =>
            new(StatusCodes.Status409Conflict, "TooManyEnableAutoScaleRequests",
                "Enable autoscale requests for the same pool must be at least 30 seconds apart.");

        public static EmulatorException AutoScalingFormulaSyntaxError(string code, string message) =>
            new(StatusCodes.Status400BadRequest, "AutoScalingFormulaSyntaxError",
                "The specified autoscale formula has a syntax error.",
                Detail("AutoScaleFormulaErrorCode", code), Detail("Reason", message));

        public static EmulatorException NodeNotFound() =>
            new(StatusCodes.Status404NotFound, "NodeNotFound", "The specified node does not exist.");

        /// <summary>A node operation in a state that does not allow it; the code names the state (<c>NodeBeingRebooted</c>, ...).</summary>
        public static EmulatorException NodeStateConflict(string code, string message) =>
            new(StatusCodes.Status409Conflict, code, message);

        public static EmulatorException FileNotFound() =>
            new(StatusCodes.Status404NotFound, "FileNotFound", "The specified file does not exist.");

        public static EmulatorException ResourceTypeMismatch(string reason) =>
            new(StatusCodes.Status400BadRequest, "ResourceTypeMismatch", "The resource does not match the expected type.", Detail("Reason", reason));

        public static EmulatorException InvalidRange(string range) =>
            new(StatusCodes.Status416RangeNotSatisfiable, "InvalidRange", "The specified byte range is invalid for the given resource.",
                Detail("HeaderName", "ocp-range"), Detail("HeaderValue", range));

        public static EmulatorException ConditionNotMet() =>
            new(StatusCodes.Status412PreconditionFailed, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met.");

        /// <summary>A read whose If-None-Match or If-Modified-Since failed: 304, written without a body.</summary>
        public static EmulatorException NotModified() =>
            new(StatusCodes.Status304NotModified, "ConditionNotMet", "The condition specified using HTTP conditional header(s) is not met.");

        public static EmulatorException MultipleConditionHeadersNotSupported() =>
            new(StatusCodes.Status400BadRequest, "MultipleConditionHeadersNotSupported", "Multiple condition headers are not supported.");

        public static EmulatorException UnsupportedHeader(string name) =>
            new(StatusCodes.Status400BadRequest, "UnsupportedHeader", "One of the HTTP headers specified in the request is not supported.",
                Detail("HeaderName", name));

        public static EmulatorException InvalidHeaderValue(string name, string reason) =>
            new(StatusCodes.Status400BadRequest, "InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct format.",
                Detail("HeaderName", name), Detail("Reason", reason));

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

        public static EmulatorException UnsupportedQueryParameter(string name) =>
            new(StatusCodes.Status400BadRequest, "UnsupportedQueryParameter",
                "One of the query parameters specified in the request URI is not supported.",
                Detail("QueryParameterName", name));

        public static EmulatorException InvalidQueryParameterValue(string name, string value, string reason) =>
            new(StatusCodes.Status400BadRequest, "InvalidQueryParameterValue",
                "Value for one of the query parameters specified in the request URI is invalid.",
                Detail("QueryParameterName", name), Detail("QueryParameterValue", value), Detail("Reason", reason));

        public static EmulatorException OutOfRangeQueryParameterValue(string name, string value, string reason) =>
            new(StatusCodes.Status400BadRequest, "OutOfRangeQueryParameterValue",
                "One of the query parameters specified in the request URI is outside the permissible range.",
                Detail("QueryParameterName", name), Detail("QueryParameterValue", value), Detail("Reason", reason));

        /// <summary>The detail says what was wrong; it never contains the key, a token or the expected signature.</summary>
        public static EmulatorException AuthenticationFailed(string detail) =>
            new(StatusCodes.Status403Forbidden, "AuthenticationFailed",
                "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.",
                Detail("AuthenticationErrorDetail", detail));

        public static EmulatorException InvalidUri(string method, string path) =>
            new(StatusCodes.Status400BadRequest, "InvalidUri",
                "The requested URI does not represent any resource on the server.",
                Detail("Reason", $"The emulator has no operation {method} {path}."));

        public static EmulatorException TooManyRequests() =>
            new(StatusCodes.Status429TooManyRequests, "TooManyRequests", "The server is throttling requests; retry after the time in Retry-After.");

        public static EmulatorException ServerBusy() =>
            new(StatusCodes.Status503ServiceUnavailable, "ServerBusy", "The server is currently unable to receive requests. Please retry your request.");

        public static EmulatorException InternalError() =>
            new(StatusCodes.Status500InternalServerError, "InternalError",
                "Server encountered an internal error. Please try again after some time.");

        private static KeyValuePair<string, string> Detail(string key, string value) => new(key, value);
    }
}
