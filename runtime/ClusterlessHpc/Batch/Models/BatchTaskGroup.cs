using System;
using System.Collections.Generic;
using System.Linq;

namespace ClusterlessHpc.Batch.Models
{
    /// <summary>
    /// The body of the add-task-collection request (TaskAddCollectionParameter): at most
    /// <see cref="BatchClient.MaxTasksPerRequest"/> tasks, under <see cref="BatchClient.MaxTaskCollectionBytes"/> serialized.
    /// </summary>
    public sealed class BatchTaskGroup
    {
        public BatchTaskGroup()
        {
        }

        public BatchTaskGroup(IEnumerable<BatchTaskCreateOptions> tasks) => Value = (tasks ?? throw new ArgumentNullException(nameof(tasks))).ToList();

        public IList<BatchTaskCreateOptions> Value { get; set; } = new List<BatchTaskCreateOptions>();
    }
}
