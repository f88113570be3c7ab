using System.Collections.Generic;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>What the service does when a task completes, by how it exited (ExitConditions).</summary>
    public sealed class ExitConditions
    {
        public IList<ExitCodeMapping>? ExitCodes { get; set; }

        public IList<ExitCodeRangeMapping>? ExitCodeRanges { get; set; }

        /// <summary>When the task could not start (a resource file did not download, for example).</summary>
        public ExitOptions? PreProcessingError { get; set; }

        /// <summary>When an output file did not upload.</summary>
        public ExitOptions? FileUploadError { get; set; }

        /// <summary>For every exit not covered above.</summary>
        public ExitOptions? Default { get; set; }
    }
}
