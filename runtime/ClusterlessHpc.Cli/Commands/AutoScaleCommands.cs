using System;
using System.Linq;
using Azure;
using System.CommandLine;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.AutoScale;
using ClusterlessHpc.AutoScale.Language;
using ClusterlessHpc.Batch;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Cli.Accounts;
using ClusterlessHpc.Cli.Output;
using ClusterlessHpc.Provisioning;
using ClusterlessHpc.Rules;

namespace ClusterlessHpc.Cli.Commands
{
    /// <summary>
    /// <c>chpc autoscale enable POOL --formula FILE|- [--interval MINUTES]</c>, <c>chpc autoscale disable POOL</c> and
    /// <c>chpc autoscale eval POOL --formula FILE|- [--local [--metrics M.json]]</c>. A formula is checked locally first
    /// (the analyzer's rules); one with errors is not sent (exit 1).
    /// </summary>
    internal static class AutoScaleCommands
    {
        public static Command Create(CliConsole console)
        {
            var autoscale = new Command("autoscale", "Turn a pool's autoscale on or off, or evaluate a formula against it.");
            autoscale.Subcommands.Add(Enable(console));
            autoscale.Subcommands.Add(Disable(console));
            autoscale.Subcommands.Add(Eval(console));
            return autoscale;
        }

        private static Option<string> FormulaOption() => new("--formula")
        {
            Description = "The formula file, or - to read standard input.",
            HelpName = "FILE",
            Required = true,
        };

        private static Command Enable(CliConsole console)
        {
            var pool = CommonOptions.PoolArgument();
            var formula = FormulaOption();
            // The same bounds as [AutoScale(EvaluationIntervalMinutes = ...)], said in terms of the option the user typed.
            var interval = CommonOptions.Count("--interval", "Minutes between evaluations (default: the service's " + ServiceLimits.DefaultEvaluationIntervalMinutes + ").",
                minimum: ServiceLimits.MinEvaluationIntervalMinutes, helpName: "MINUTES", maximum: ServiceLimits.MaxEvaluationIntervalMinutes, unit: "minutes");
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("enable", "Enable autoscale on a pool with a formula (or change its formula or interval).") { pool, formula, interval, json };
            account.AddTo(command);
            command.SetAction(async (parsed, cancellationToken) =>
            {
                if (!TryReadChecked(console, parsed.GetRequiredValue(formula), out var text)) return ExitCodes.InvalidInput;
                return await BatchSession.RunAsync(console, parsed, account, async (client, settings) =>
                {
                    var poolId = parsed.GetRequiredValue(pool);
                    await Provisioners.Create(client, settings, CommonOptions.DefaultTimeout)
                        .EnableAutoScaleAsync(poolId, text, parsed.GetValue(interval) ?? AutoScaleDefinition.DefaultEvaluationIntervalMinutes, cancellationToken)
                        .ConfigureAwait(false);
                    return await ShowAsync(console, client, poolId, parsed.GetValue(json), "Autoscale is enabled", cancellationToken).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
            });
            return command;
        }

        private static Command Disable(CliConsole console)
        {
            var pool = CommonOptions.PoolArgument();
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("disable", "Disable autoscale on a pool; it keeps the nodes it has.") { pool, json };
            account.AddTo(command);
            command.SetAction((parsed, cancellationToken) => BatchSession.RunAsync(console, parsed, account, async (client, _) =>
            {
                var poolId = parsed.GetRequiredValue(pool);
                await client.DisablePoolAutoScaleAsync(poolId, cancellationToken).ConfigureAwait(false);
                return await ShowAsync(console, client, poolId, parsed.GetValue(json), "Autoscale is disabled", cancellationToken).ConfigureAwait(false);
            }, cancellationToken));
            return command;
        }

        private static Command Eval(CliConsole console)
        {
            var pool = CommonOptions.PoolArgument();
            var formula = FormulaOption();
            var local = new Option<bool>("--local")
            {
                Description = "Evaluate here with ClusterlessHpc's evaluator, on the pool's node counts and --metrics' samples (works on any pool, autoscaled or not).",
            };
            var metrics = new Option<string?>("--metrics") { Description = "With --local: the metrics JSON (docs/autoscale.md).", HelpName = "METRICS.json" };
            var json = CommonOptions.Json();
            var account = new AccountOptions();
            var command = new Command("eval", "Evaluate a formula against a pool without applying it: by the service (the pool must have autoscale enabled), or --local.")
            {
                pool, formula, local, metrics, json,
            };
            command.Validators.Add(result =>
            {
                if (result.GetResult(metrics) is not null && !result.GetValue(local)) result.AddError("--metrics goes with --local.");
            });
            account.AddTo(command);
            command.SetAction(async (parsed, cancellationToken) =>
            {
                if (!TryReadChecked(console, parsed.GetRequiredValue(formula), out var text)) return ExitCodes.InvalidInput;
                var poolId = parsed.GetRequiredValue(pool);
                var asJson = parsed.GetValue(json);
                return await BatchSession.RunAsync(console, parsed, account, async (client, settings) =>
                {
                    if (parsed.GetValue(local)) return await EvalLocallyAsync(console, client, poolId, text, parsed.GetValue(metrics), asJson, cancellationToken).ConfigureAwait(false);
                    AutoScaleRun run;
                    try
                    {
                        run = await Provisioners.Create(client, settings, CommonOptions.DefaultTimeout).EvaluateAutoScaleAsync(poolId, text, cancellationToken).ConfigureAwait(false);
                    }
                    catch (RequestFailedException e) when (e.ErrorCode != "PoolNotFound")
                    {
                        // Batch evaluates only on a pool with autoscale on; its refusal does not say so, and the local evaluator works on any pool.
                        var pool = (await client.GetPoolAsync(poolId, cancellationToken).ConfigureAwait(false)).Value;
                        if (pool.EnableAutoScale == true) throw;
                        throw new CliException(ExitCodes.OperationFailed,
                            $"pool '{poolId}' has a fixed size (autoscale is off), and Batch evaluates a formula only on a pool with autoscale on: " +
                            $"add --local to evaluate it here on the pool's node counts, or turn autoscale on with 'chpc autoscale enable {poolId} --formula FILE'.", e);
                    }
                    // The service's message is general ("...has evaluation error"); its Message value says where and what.
                    var detail = run.Error?.Values?.FirstOrDefault(v => v.Name == "Message")?.Value ?? run.Error?.Message;
                    return Print(console, poolId, asJson, run.Results ?? "", run.Error?.Code, detail);
                }, cancellationToken).ConfigureAwait(false);
            });
            return command;
        }

        private static async Task<int> EvalLocallyAsync(
            CliConsole console, BatchClient client, string poolId, string text, string? metricsFile, bool json, CancellationToken cancellationToken)
        {
            AutoScaleContext context;
            try
            {
                context = metricsFile is null
                    ? new AutoScaleContext { Now = DateTimeOffset.UtcNow }
                    : AutoScaleMetrics.Load(File.ReadAllText(console.FullPath(metricsFile)));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                throw new CliException(ExitCodes.InvalidInput, $"{metricsFile}: {exception.Message}", exception);
            }

            // The pool's own counts, as the service would see them; the samples come from the metrics file.
            var pool = (await client.GetPoolAsync(poolId, cancellationToken).ConfigureAwait(false)).Value;
            context = context with
            {
                CurrentDedicatedNodes = pool.CurrentDedicatedNodes ?? 0,
                CurrentLowPriorityNodes = pool.CurrentLowPriorityNodes ?? 0,
                TargetDedicatedNodes = pool.TargetDedicatedNodes ?? 0,
                TargetLowPriorityNodes = pool.TargetLowPriorityNodes ?? 0,
                TaskSlotsPerNode = pool.TaskSlotsPerNode ?? 1,
            };
            var evaluation = PoolProvisioner.EvaluateAutoScaleLocally(text, context);
            return Print(console, poolId, json, evaluation.Results, evaluation.Error?.Code, evaluation.Error?.Detail);
        }

        private static int Print(CliConsole console, string poolId, bool json, string results, string? errorCode, string? errorMessage)
        {
            if (json)
            {
                JsonOutput.Write(console, new JsonObject
                {
                    ["poolId"] = poolId,
                    ["results"] = results,
                    ["error"] = errorCode is null ? null : new JsonObject { ["code"] = errorCode, ["message"] = errorMessage },
                });
            }
            else
            {
                console.Output.WriteLine(results);
            }
            if (errorCode is null) return ExitCodes.Done;
            console.Error.WriteLine($"error {errorCode}: {errorMessage}");
            return ExitCodes.OperationFailed;
        }

        private static async Task<int> ShowAsync(CliConsole console, BatchClient client, string poolId, bool json, string what, CancellationToken cancellationToken)
        {
            var pool = (await client.GetPoolAsync(poolId, cancellationToken).ConfigureAwait(false)).Value;
            if (json)
            {
                var nodes = await PoolViews.GetNodesAsync(client, poolId, cancellationToken).ConfigureAwait(false);
                JsonOutput.Write(console, PoolViews.ToJson(pool, nodes));
                return ExitCodes.Done;
            }
            console.Output.WriteLine(pool.EnableAutoScale == true
                ? $"{what} on pool '{poolId}', evaluated every {(pool.AutoScaleEvaluationInterval ?? Rules.ServiceLimits.DefaultEvaluationInterval).TotalMinutes} min."
                : $"{what} on pool '{poolId}'; it keeps {pool.TargetDedicatedNodes ?? 0} dedicated and {pool.TargetLowPriorityNodes ?? 0} low-priority node(s).");
            if (pool.EnableAutoScale != true) return ExitCodes.Done;
            // Enabling sizes the pool by the new formula at once, but the service shows that evaluation only from the
            // next run on: a run older than the pool's last change is the previous formula's, so the targets say more.
            if (pool.AutoScaleRun is { } run && (pool.LastModified is null || run.Timestamp >= pool.LastModified))
            {
                console.Output.WriteLine($"Last evaluation: {run.Results}");
                if (run.Error is { } error)
                {
                    var detail = error.Values?.FirstOrDefault(v => v.Name == "Message")?.Value ?? error.Message;
                    console.Error.WriteLine($"warning {error.Code}: {detail}");
                }
            }
            else
            {
                console.Output.WriteLine($"Targets: {pool.TargetDedicatedNodes ?? 0} dedicated, {pool.TargetLowPriorityNodes ?? 0} low-priority; " +
                                         "the formula's evaluations show from its next run.");
            }
            return ExitCodes.Done;
        }

        /// <summary>Reads the formula and checks it; diagnostics go to standard error in the compiler's format.</summary>
        private static bool TryReadChecked(CliConsole console, string file, out string text)
        {
            if (!FormulaInput.TryRead(console, file, out var name, out text)) return false;
            var diagnostics = FormulaChecker.Check(text);
            FormulaCheck.Print(console.Error, name, diagnostics);
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.IsError) return false;
            }
            return true;
        }
    }
}
