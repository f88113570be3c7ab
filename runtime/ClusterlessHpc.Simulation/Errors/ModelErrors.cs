using System.Collections.Generic;

namespace ClusterlessHpc.Simulation
{
    /// <summary>The refusals of the pool model, with the Batch service's codes and messages.</summary>
    public static class ModelErrors
    {
        /// <summary>The codes of refusals of a thing that is not there (the service answers 404).</summary>
        public static readonly IReadOnlyCollection<string> NotFoundCodes = ["PoolNotFound", "NodeNotFound", "JobNotFound", "TaskNotFound", "FileNotFound"];

        /// <summary>The codes of refusals of the request's content (the service answers 400); any other refusal is a conflict (409).</summary>
        public static readonly IReadOnlyCollection<string> InvalidRequestCodes =
            ["InvalidPropertyValue", "MissingRequiredProperty", "InvalidRequestBody", SyntaxErrorCode];

        public static PoolModelException PoolNotFound() => new("PoolNotFound", "The specified pool does not exist.");

        public static PoolModelException PoolExists() => new("PoolExists", "The specified pool already exists.");

        public static PoolModelException PoolBeingDeleted() =>
            new("PoolBeingDeleted", "The specified pool has been marked for deletion and is being reclaimed.");

        public static PoolModelException PoolBeingResized() =>
            new("PoolBeingResized",
                "The specified pool is currently being resized, and the operation is permitted only when its allocation state is steady.");

        /// <summary>The operation does not fit the resource's state, for example a resize of a pool that scales itself.</summary>
        public static PoolModelException OperationInvalidForCurrentState(string reason) =>
            new("OperationInvalidForCurrentState", "The specified operation is not valid for the current state of the resource.",
                Detail("Reason", reason));

        public static PoolModelException TooManyEnableAutoScaleRequests() =>
            new("TooManyEnableAutoScaleRequests", "Enable autoscale requests for the same pool must be at least 30 seconds apart.");

        /// <summary>The code of a formula that does not parse; the service's answer for one is not recorded (docs/autoscale.md).</summary>
        public const string SyntaxErrorCode = "AutoScalingFormulaSyntaxError";

        /// <summary>Worded as the recorded evaluation error is ("The specified auto-scaling formula has evaluation error").</summary>
        public const string SyntaxErrorMessage = "The specified auto-scaling formula has syntax error";

        /// <summary>A formula that does not parse, with the service's <c>values[{key: Message, value: "Line L, Col C: ..."}]</c>.</summary>
        public static PoolModelException AutoScalingFormulaSyntaxError(string detail) =>
            new(SyntaxErrorCode, SyntaxErrorMessage, Detail("Message", detail));

        public static PoolModelException NodeNotFound() => new("NodeNotFound", "The specified node does not exist.");

        /// <summary>A node operation in a state that does not allow it; the code names the state (<c>NodeBeingRebooted</c>, ...).</summary>
        public static PoolModelException NodeStateConflict(string code, string message) => new(code, message);

        public static PoolModelException JobNotFound() => new("JobNotFound", "The specified job does not exist.");

        public static PoolModelException JobExists() => new("JobExists", "The specified job already exists.");

        public static PoolModelException JobBeingDeleted() =>
            new("JobBeingDeleted", "The specified job has been marked for deletion and is being garbage collected.");

        /// <summary>A change to a job that has completed (terminated, or all its tasks done with terminatejob).</summary>
        public static PoolModelException JobCompleted() => new("JobCompleted", "The specified job is already in a completed state.");

        public static PoolModelException TaskNotFound() => new("TaskNotFound", "The specified task does not exist.");

        public static PoolModelException TaskExists() => new("TaskExists", "The specified task already exists.");

        public static PoolModelException TaskCompleted() => new("TaskCompleted", "The specified task is already completed.");

        public static PoolModelException FileNotFound() => new("FileNotFound", "The specified file does not exist.");

        /// <summary>The task has no files yet: it has not run on a node (or its node has left the pool).</summary>
        public static PoolModelException TaskFilesUnavailable(string reason) =>
            new("OperationInvalidForCurrentState", "The specified operation is not valid for the current state of the resource.",
                Detail("Reason", reason));

        public static PoolModelException MissingRequiredProperty(string property) =>
            new("MissingRequiredProperty", "A required property was not specified in the request body.", Detail("PropertyName", property));

        public static PoolModelException InvalidPropertyValue(string property, string reason) =>
            new("InvalidPropertyValue", InvalidPropertyValueMessage, Detail("PropertyName", property), Detail("Reason", reason));

        /// <summary>As the service names a value it refuses: PropertyName, PropertyValue and Reason.</summary>
        public static PoolModelException InvalidPropertyValue(string property, string value, string reason) =>
            new("InvalidPropertyValue", InvalidPropertyValueMessage, Detail("PropertyName", property), Detail("PropertyValue", value), Detail("Reason", reason));

        private const string InvalidPropertyValueMessage = "The value provided for one of the properties in the request body is invalid.";

        public static PoolModelException InvalidRequestBody(string reason) =>
            new("InvalidRequestBody", "The specified Request Body is not syntactically valid.", Detail("Reason", reason));

        private static KeyValuePair<string, string> Detail(string key, string value) => new(key, value);
    }
}
