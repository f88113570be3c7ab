using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Errors
{
    /// <summary>The errors the emulator returns, with the Batch service's codes, statuses and messages.</summary>
    internal static class BatchErrors
    {
        /// <summary>A refusal of the pool model as the REST API answers it: 404 for what is not there, 400 for bad content, else 409.</summary>
        public static EmulatorException From(PoolModelException refusal)
        {
            var status = ModelErrors.NotFoundCodes.Contains(refusal.Code) ? StatusCodes.Status404NotFound
                : ModelErrors.InvalidRequestCodes.Contains(refusal.Code) ? StatusCodes.Status400BadRequest
                : StatusCodes.Status409Conflict;
            return new EmulatorException(status, refusal.Code, refusal.Message, refusal.Values);
        }

        /// <summary>The model's refusal (<see cref="ModelErrors.FileNotFound"/>), which is one of its 404 codes.</summary>
        public static EmulatorException FileNotFound() => From(ModelErrors.FileNotFound());

        /// <summary>Not observed: the service's code for a non-empty directory deleted without <c>recursive</c> is not recorded.</summary>
        public static EmulatorException DirectoryNotEmpty(string path) =>
            new(StatusCodes.Status409Conflict, "OperationInvalidForCurrentState", "The specified operation is not valid for the current state of the resource.",
                Detail("Reason", $"The directory '{path}' is not empty; delete it with recursive=true."));

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

        public static EmulatorException MissingRequiredProperty(string property) => From(ModelErrors.MissingRequiredProperty(property));

        public static EmulatorException InvalidPropertyValue(string property, string reason) => From(ModelErrors.InvalidPropertyValue(property, reason));

        /// <summary>As the service names a value it refuses in the body: PropertyName, PropertyValue and Reason.</summary>
        public static EmulatorException InvalidPropertyValue(string property, string value, string reason) =>
            From(ModelErrors.InvalidPropertyValue(property, value, reason));

        public static EmulatorException InvalidRequestBody(string reason) => From(ModelErrors.InvalidRequestBody(reason));

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
