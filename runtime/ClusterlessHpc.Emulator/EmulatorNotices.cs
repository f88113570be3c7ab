using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace ClusterlessHpc.Emulator
{
    /// <summary>Something a user of an emulator must be told once, when it starts: a note, or a warning.</summary>
    /// <param name="Level"><see cref="LogLevel.Information"/> for a note, <see cref="LogLevel.Warning"/> for a warning.</param>
    /// <param name="Text">One sentence or more, ending with a full stop.</param>
    public sealed record EmulatorNotice(LogLevel Level, string Text);

    /// <summary>
    /// What the emulator tells its users about how it runs start tasks, and how a client recognises a simulated node:
    /// the texts live here so that the emulator, <c>chpc emulator</c>, <c>chpc logs</c> and the quickstart say the same.
    /// </summary>
    public static class EmulatorNotices
    {
        /// <summary>Said once when an emulator that simulates start tasks starts, and by <c>chpc logs</c> on a simulated node.</summary>
        public const string SimulatedStartTasks = "Start tasks are syntax-checked, not run; --execute-start-tasks runs them.";

        /// <summary>
        /// A response header on every node file of a node whose start task the emulator simulated, with the value
        /// <see cref="SimulatedStartTaskValue"/>. The body stays what a start task that wrote nothing leaves (an empty
        /// <c>stdout.txt</c>), as the service's API has it; clients that know the header can say why it is empty.
        /// </summary>
        public const string StartTaskHeader = "x-chpc-emulator-start-task";

        /// <summary>The value of <see cref="StartTaskHeader"/> on a simulated node's files.</summary>
        public const string SimulatedStartTaskValue = "simulated";

        /// <summary>
        /// A response header on every file of a simulated task, with the value <see cref="SimulatedTaskValue"/>: nothing
        /// ran, so its <c>stdout.txt</c> and <c>stderr.txt</c> are empty; clients that know the header can say why.
        /// </summary>
        public const string TaskHeader = "x-chpc-emulator-task";

        /// <summary>The value of <see cref="TaskHeader"/> on a simulated task's files.</summary>
        public const string SimulatedTaskValue = "simulated";

        /// <summary>
        /// The notices of an emulator with these settings, listening on <c>port</c>; <c>confined</c> says whether executed
        /// start tasks run each node as its own user (null when they are simulated).
        /// </summary>
        internal static IReadOnlyList<EmulatorNotice> For(BatchEmulatorOptions settings, bool? confined, int port)
        {
            var notices = new List<EmulatorNotice>();
            if (settings.StartTaskMode == StartTaskMode.Simulate)
            {
                notices.Add(new EmulatorNotice(LogLevel.Information, SimulatedStartTasks));
                return notices;
            }
            if (confined == false)
            {
                var user = Environment.UserName;
                notices.Add(new EmulatorNotice(LogLevel.Warning,
                    $"The emulator is not running as root, so start tasks run UNCONFINED, as your own user '{user}': a start " +
                    $"task's script can read, change and delete whatever '{user}' can, far outside its node's folder. Run the " +
                    "emulator as root to give each node its own unprivileged user and private /tmp."));
            }
            if (settings.AccountKey == BatchEmulatorOptions.DevelopmentAccountKey)
            {
                notices.Add(new EmulatorNotice(LogLevel.Warning,
                    $"Start tasks run, and the account's key is the published development key (allowed by --allow-development-key): " +
                    $"any program or user on this machine that reaches port {port} can run code here through a pool's start task."));
            }
            return notices;
        }
    }
}
