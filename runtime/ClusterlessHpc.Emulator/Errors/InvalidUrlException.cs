using System;

namespace ClusterlessHpc.Emulator.Errors
{
    /// <summary>
    /// A URL the service's front end refuses before Batch sees it: 400 with an HTML page and no Batch error body, as
    /// the recorded refusal of a node file path shows (xplat-cli-cli-batch-file-tests.jsonl, <c>files/...%09...</c>).
    /// The reason is for the emulator's log; the caller gets only the front end's words.
    /// </summary>
    internal sealed class InvalidUrlException : Exception
    {
        public InvalidUrlException(string reason) : base(reason)
        {
        }
    }
}
