using System;
using System.Collections.Generic;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>What a task runs: a command line, a local Julia script, or a Julia expression.</summary>
    public enum TaskKind
    {
        /// <summary>A command line, run as the Batch agent runs it: split into words, without a shell.</summary>
        Command,

        /// <summary>A local Julia script, carried to the node and run by the pool's <c>julia</c> launcher.</summary>
        JuliaScript,

        /// <summary>A Julia expression, run by the pool's <c>julia</c> launcher with <c>-e</c>.</summary>
        JuliaExpression,
    }

    /// <summary>
    /// One task to run on a declared pool with <see cref="PoolJobRunner"/>: a command line (<see cref="Command"/>), a
    /// local Julia script (<see cref="JuliaScript"/>) or a Julia expression (<see cref="JuliaExpression"/>), with its
    /// environment and limits. Julia tasks run through the pool's <c>julia</c> launcher, so the packages the pool
    /// declares load as they do in the startup script; inputs travel as environment variables (<c>ENV["NAME"]</c>).
    /// </summary>
    public sealed class TaskDefinition
    {
        private TaskDefinition(string id, TaskKind kind, string text)
        {
            Id = ValidId(id);
            Kind = kind;
            Text = text;
        }

        /// <summary>The task id: letters, digits, hyphens and underscores, at most 64; unique in its job, ignoring case.</summary>
        public string Id { get; }

        public TaskKind Kind { get; }

        /// <summary>The command line, the script's path, or the expression.</summary>
        public string Text { get; }

        /// <summary>Environment variables of the task (on top of the job's), in the order given.</summary>
        public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The scheduling slots the task takes on its node; 1 when not set.</summary>
        public int? RequiredSlots { get; set; }

        /// <summary>How often a task that exits nonzero runs again: 0 never, -1 without limit; the job's when not set.</summary>
        public int? MaxRetries { get; set; }

        /// <summary>How long the task may run; then it is terminated and fails. Unlimited when not set.</summary>
        public TimeSpan? MaxWallClockTime { get; set; }

        /// <summary>A command line, run without a shell (use <c>/bin/bash -c '...'</c> for shell features).</summary>
        public static TaskDefinition Command(string id, string commandLine)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(commandLine);
            return new TaskDefinition(id, TaskKind.Command, commandLine);
        }

        /// <summary>
        /// A local Julia script, read when the task is added: inline in the task up to
        /// <see cref="Delivery.InlineDelivery.MaxEncodedLength"/> characters compressed and encoded, as a content-addressed
        /// blob above it (blob storage must then be configured).
        /// </summary>
        public static TaskDefinition JuliaScript(string id, string scriptPath)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(scriptPath);
            return new TaskDefinition(id, TaskKind.JuliaScript, scriptPath);
        }

        /// <summary>A Julia expression (<c>julia -e</c>), at most <see cref="Delivery.InlineDelivery.MaxEncodedLength"/> characters; a longer program belongs in a script.</summary>
        public static TaskDefinition JuliaExpression(string id, string expression)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(expression);
            if (expression.Length > Delivery.InlineDelivery.MaxEncodedLength)
            {
                throw new ArgumentException(
                    $"The Julia expression of task '{id}' is {expression.Length:N0} characters; an expression travels in an environment variable " +
                    $"and may have at most {Delivery.InlineDelivery.MaxEncodedLength:N0}. Put it in a script (TaskDefinition.JuliaScript).", nameof(expression));
            }
            return new TaskDefinition(id, TaskKind.JuliaExpression, expression);
        }

        public override string ToString() => $"{Id}: {Kind} {Text}";

        private static string ValidId(string id)
        {
            ArgumentNullException.ThrowIfNull(id);
            if (!ServiceLimits.IsValidTaskId(id))
            {
                throw new ArgumentException(
                    $"Task id '{id}' is not valid: use letters, digits, hyphens and underscores, at most {ServiceLimits.MaxTaskIdLength} characters.", nameof(id));
            }
            return id;
        }
    }
}
