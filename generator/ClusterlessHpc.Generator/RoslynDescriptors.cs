using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ClusterlessHpc.Diagnostics;
using Microsoft.CodeAnalysis;

namespace ClusterlessHpc.Generator
{
    /// <summary>The shared diagnostic catalogue as Roslyn descriptors.</summary>
    internal static class RoslynDescriptors
    {
        private static readonly Dictionary<string, DiagnosticDescriptor> ById =
            DiagnosticCatalogue.All.ToDictionary(rule => rule.Id, Create);

        public static ImmutableArray<DiagnosticDescriptor> All { get; } = DiagnosticCatalogue.All.Select(For).ToImmutableArray();

        public static DiagnosticDescriptor For(PoolRule rule) => ById[rule.Id];

        private static DiagnosticDescriptor Create(PoolRule rule) => new(
            rule.Id,
            rule.Title,
            rule.MessageFormat,
            rule.Category,
            rule.Severity switch
            {
                RuleSeverity.Error => DiagnosticSeverity.Error,
                RuleSeverity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            },
            isEnabledByDefault: true,
            // No help link: the project publishes no documentation site, and a link that does not resolve is worse than
            // none. Each rule's page ships in the package (PoolRule.DocsPage), and the id finds it.
            helpLinkUri: null,
            // Rules across pools are only known once every type is seen.
            customTags: rule == DiagnosticCatalogue.PoolIdsMustBeUnique ? new[] { WellKnownDiagnosticTags.CompilationEnd } : Array.Empty<string>());
    }
}
