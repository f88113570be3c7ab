using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace ClusterlessHpc.Simulation.Checker
{
    /// <summary>
    /// <c>dotnet exec ClusterlessHpc.Simulation.Checker.dll --references LIST --assembly PATH --project-dir DIR --results FILE
    /// [--severity warning|error]</c>: makes every assembly of the user's project loadable (LIST holds their paths, one a
    /// line; the built assembly's folder is searched after them), then hands the rest to the check in the project's own
    /// ClusterlessHpc.Simulation.
    /// </summary>
    internal static class Program
    {
        internal const string CheckAssembly = "ClusterlessHpc.Simulation";
        internal const string CheckType = "ClusterlessHpc.Simulation.Expectations.ExpectationRunner";
        internal const string CheckMethod = "Run";

        public static int Main(string[] args)
        {
            var rest = new List<string>();
            string? references = null;
            string? assembly = null;
            var severity = "warning";
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] == "--references" && i + 1 < args.Length) references = args[++i];
                else
                {
                    if (args[i] == "--assembly" && i + 1 < args.Length) assembly = args[i + 1];
                    if (args[i] == "--severity" && i + 1 < args.Length) severity = args[i + 1];
                    rest.Add(args[i]);
                }
            }
            if (references is null || assembly is null)
            {
                Console.Error.WriteLine("ClusterlessHpc.Simulation.Checker: usage: --references LIST --assembly PATH --project-dir DIR --results FILE [--severity warning|error]");
                return 3;
            }

            var paths = Paths(references, Path.GetDirectoryName(Path.GetFullPath(assembly))!);
            AssemblyLoadContext.Default.Resolving += (context, name) =>
                name.Name is { } simple && paths.TryGetValue(simple, out var path) ? context.LoadFromAssemblyPath(path) : null;

            MethodInfo? run;
            try
            {
                run = Assembly.Load(new AssemblyName(CheckAssembly)).GetType(CheckType)?.GetMethod(CheckMethod, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(string[])]);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                run = null;
            }
            if (run is null)
            {
                // The project has the package's build targets but not its assembly (ExcludeAssets="runtime", for example).
                Console.Error.WriteLine($"ClusterlessHpc.Simulation.Checker: {severity} CHPC1058: {CheckAssembly}.dll is not among the project's assemblies, so its simulation expectations cannot be checked: reference the ClusterlessHpc.Simulation package without excluding its runtime assets");
                return severity == "error" ? 2 : 0;
            }
            return (int)run.Invoke(null, [rest.ToArray()])!;
        }

        /// <summary>Each assembly by its simple name: the listed ones first, then those beside the built assembly.</summary>
        private static Dictionary<string, string> Paths(string listFile, string outputDirectory)
        {
            var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in File.ReadAllLines(listFile))
            {
                var path = line.Trim();
                if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(path)) paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
            foreach (var path in Directory.EnumerateFiles(outputDirectory, "*.dll")) paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            return paths;
        }
    }
}
