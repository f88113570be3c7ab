using System.Collections.Generic;

namespace ClusterlessHpc.Batch
{
    /// <summary>What <see cref="BatchClient.CreateTasksAsync"/> did: every task given is in the job, added now or found there already.</summary>
    public sealed class CreateTasksResult
    {
        internal CreateTasksResult(IReadOnlyList<string> added, IReadOnlyList<string> alreadyExisted, int requests)
        {
            Added = added;
            AlreadyExisted = alreadyExisted;
            Requests = requests;
        }

        /// <summary>The ids of the tasks this call added, in the order given.</summary>
        public IReadOnlyList<string> Added { get; }

        /// <summary>
        /// The ids of the tasks the service already had with the same definition (<c>TaskExists</c>), in the order given:
        /// from an earlier call, or from a request of this call whose answer was lost and that was sent again.
        /// </summary>
        public IReadOnlyList<string> AlreadyExisted { get; }

        /// <summary>The add-task-collection requests this call made (the pipeline's own retries of a request not counted).</summary>
        public int Requests { get; }
    }
}
