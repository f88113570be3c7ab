using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Batch.Models;
using ClusterlessHpc.Provisioning.Delivery;

namespace ClusterlessHpc.Provisioning
{
    /// <summary>
    /// Turns <see cref="TaskDefinition"/>s into add-task requests: Julia tasks get the launcher's command lines
    /// (<see cref="JuliaTaskCommands"/>), and each distinct script is read, encoded (or uploaded) once.
    /// </summary>
    internal sealed class TaskRequestBuilder
    {
        private readonly PoolJob _job;
        private readonly PoolJobRunnerOptions _options;
        private readonly Dictionary<string, ScriptPieces> _scripts = new(StringComparer.Ordinal);

        public TaskRequestBuilder(PoolJob job, PoolJobRunnerOptions options)
        {
            _job = job;
            _options = options;
        }

        public async Task<List<BatchTaskCreateOptions>> BuildAsync(IEnumerable<TaskDefinition> tasks, CancellationToken cancellationToken)
        {
            var requests = new List<BatchTaskCreateOptions>();
            foreach (var task in tasks)
            {
                if (task is null) throw new ArgumentException($"Task {requests.Count} of the tasks to add is null.", nameof(tasks));
                if (task.Kind != TaskKind.Command && _job.Pool is { Julia: null } pool)
                {
                    throw new InvalidOperationException(
                        $"Task '{task.Id}' runs Julia, but pool '{pool.Id}' declares no Julia ([Julia(...)]): its nodes have no julia launcher.");
                }
                var request = new BatchTaskCreateOptions
                {
                    Id = task.Id,
                    EnvironmentSettings = task.Environment.Select(e => new EnvironmentSetting { Name = e.Key, Value = e.Value }).ToList(),
                    RequiredSlots = task.RequiredSlots,
                    Constraints = task.MaxRetries is null && task.MaxWallClockTime is null
                        ? null
                        : new BatchTaskConstraints { MaxTaskRetryCount = task.MaxRetries, MaxWallClockTime = task.MaxWallClockTime },
                };
                switch (task.Kind)
                {
                    case TaskKind.Command:
                        request.CommandLine = task.Text;
                        break;
                    case TaskKind.JuliaExpression:
                        request.CommandLine = JuliaTaskCommands.Expression;
                        request.EnvironmentSettings.Add(new EnvironmentSetting { Name = JuliaTaskCommands.ExpressionVariable, Value = task.Text });
                        break;
                    case TaskKind.JuliaScript:
                        var script = await ScriptAsync(task, cancellationToken).ConfigureAwait(false);
                        request.CommandLine = script.CommandLine;
                        foreach (var setting in script.Environment) request.EnvironmentSettings.Add(new EnvironmentSetting { Name = setting.Name, Value = setting.Value });
                        request.ResourceFiles = script.ResourceFiles.Count == 0 ? null : script.ResourceFiles.ToList();
                        break;
                }
                if (request.EnvironmentSettings.Count == 0) request.EnvironmentSettings = null;
                requests.Add(request);
            }
            return requests;
        }

        private async Task<ScriptPieces> ScriptAsync(TaskDefinition task, CancellationToken cancellationToken)
        {
            var path = Path.GetFullPath(task.Text);
            if (_scripts.TryGetValue(path, out var known)) return known;
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"The Julia script '{task.Text}' of task '{task.Id}' could not be read: {e.Message}", e);
            }
            var name = JuliaTaskCommands.FileName(path);
            var encoded = InlineScriptDelivery.Encode(text);
            ScriptPieces pieces;
            if (encoded.Length <= InlineDelivery.MaxEncodedLength)
            {
                pieces = new ScriptPieces(JuliaTaskCommands.InlineScript(name),
                    [new EnvironmentSetting { Name = JuliaTaskCommands.ScriptVariable, Value = encoded }], []);
            }
            else
            {
                var blob = _options.ScriptDelivery switch
                {
                    BlobDelivery b => b,
                    AutoDelivery a => a.Blob,
                    _ => null,
                } ?? throw new ScriptDeliveryException(
                    $"The Julia script '{task.Text}' of task '{task.Id}' is {Encoding.UTF8.GetByteCount(text):N0} bytes, {encoded.Length:N0} characters " +
                    $"compressed and encoded: above the inline limit of {InlineDelivery.MaxEncodedLength:N0}. Configure blob storage (" +
                    ScriptDeliveryFactory.StorageSettings + ") so that larger scripts go by blob.");
                var delivered = await blob.PrepareAsync(text, cancellationToken).ConfigureAwait(false);
                var files = delivered.ResourceFiles.Select(f => new ResourceFile
                {
                    HttpUrl = f.HttpUrl,
                    IdentityReference = f.IdentityReference,
                    FilePath = name,
                }).ToList();
                pieces = new ScriptPieces(JuliaTaskCommands.BlobScript(name),
                    [new EnvironmentSetting { Name = JuliaTaskCommands.ScriptHashVariable, Value = delivered.ScriptSha256 }], files);
            }
            _scripts[path] = pieces;
            return pieces;
        }

        private sealed record ScriptPieces(string CommandLine, IReadOnlyList<EnvironmentSetting> Environment, IReadOnlyList<ResourceFile> ResourceFiles);
    }
}
