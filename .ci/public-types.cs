// Counts the public types of each package's built assembly: top-level public types and nested public types whose
// every enclosing type is public (what a user of the package can name). Reads metadata only, so nothing is loaded.
//   dotnet build ClusterlessHpc.sln -c Release -v minimal
//   dotnet run .ci/public-types.cs [-- --list]
// --list prints every counted type's full name under its package.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

var list = args.Contains("--list");
var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", ".."));
var assemblies = new (string Package, string Path)[]
{
    ("ClusterlessHpc", "runtime/ClusterlessHpc/bin/Release/net10.0/ClusterlessHpc.dll"),
    ("ClusterlessHpc.Simulation", "runtime/ClusterlessHpc.Simulation/bin/Release/net10.0/ClusterlessHpc.Simulation.dll"),
    ("ClusterlessHpc.Emulator", "runtime/ClusterlessHpc.Emulator/bin/Release/net10.0/ClusterlessHpc.Emulator.dll"),
    ("ClusterlessHpc.Cli", "runtime/ClusterlessHpc.Cli/bin/Release/net10.0/ClusterlessHpc.Cli.dll"),
    // Travels inside the ClusterlessHpc package as an analyzer; never referenced by a user's code.
    ("ClusterlessHpc.Generator (analyzer)", "generator/ClusterlessHpc.Generator/bin/Release/netstandard2.0/ClusterlessHpc.Generator.dll"),
};

var failed = false;
foreach (var (package, relative) in assemblies)
{
    var path = Path.Combine(root, relative);
    if (!File.Exists(path))
    {
        Console.Error.WriteLine($"{package}: {relative} not found; build the solution in Release first.");
        failed = true;
        continue;
    }
    using var pe = new PEReader(File.OpenRead(path));
    var reader = pe.GetMetadataReader();
    var names = new List<string>();
    foreach (var handle in reader.TypeDefinitions)
    {
        var type = reader.GetTypeDefinition(handle);
        if (IsVisible(reader, type)) names.Add(FullName(reader, type));
    }
    Console.WriteLine($"{package,-38} {names.Count,4} public types");
    if (list)
        foreach (var name in names.Order(StringComparer.Ordinal)) Console.WriteLine($"    {name}");
}
return failed ? 1 : 0;

static bool IsVisible(MetadataReader reader, TypeDefinition type)
{
    var visibility = type.Attributes & TypeAttributes.VisibilityMask;
    if (visibility == TypeAttributes.Public) return true;
    if (visibility != TypeAttributes.NestedPublic) return false;
    return IsVisible(reader, reader.GetTypeDefinition(type.GetDeclaringType()));
}

static string FullName(MetadataReader reader, TypeDefinition type)
{
    var name = reader.GetString(type.Name);
    var declaring = type.GetDeclaringType();
    if (!declaring.IsNil) return FullName(reader, reader.GetTypeDefinition(declaring)) + "+" + name;
    var ns = reader.GetString(type.Namespace);
    return ns.Length == 0 ? name : ns + "." + name;
}
