namespace ClusterlessHpc.Emulator.Tests.Support
{
    /// <summary>
    /// An executing emulator whose custom images bring a stand-in Julia in each place images keep it: a file in
    /// <c>/usr/local/bin</c>, a link there into <c>/opt</c>, a file in <c>/usr/bin</c>, and a link in <c>/usr/bin</c> into
    /// <c>/opt/julia/bin</c>, where <c>/opt/julia</c> is itself a link to the versioned folder.
    /// </summary>
    public sealed class ImageFilesEmulatorFixture : ExecuteEmulatorFixture
    {
        public const string Version = "1.10.5";

        /// <summary>Each stand-in julia appends "its path|its JULIA_DEPOT_PATH" to this file in the node's shared directory.</summary>
        public const string LaunchLog = "image-julia-launches.log";

        public string ImagesDirectory { get; } = Directory.CreateTempSubdirectory("chpc-images-").FullName;

        public static string ImageId(string image) => "/SharedGalleries/standins/Images/" + image;

        /// <summary>Where each image keeps its julia: the executable's real path, and so the Julia home above its bin.</summary>
        public static string JuliaHome(string image) => image switch
        {
            "local-bin-file" => "/usr/local",
            "usr-bin-file" => "/usr",
            _ => "/opt/julia-" + Version,
        };

        protected override void Configure(BatchEmulatorOptions options)
        {
            base.Configure(options);
            foreach (var image in new[] { "local-bin-file", "local-bin-link", "usr-bin-file", "usr-bin-link-to-opt" })
            {
                var root = Path.Combine(ImagesDirectory, image);
                switch (image)
                {
                    case "local-bin-file":
                        StandIn(Path.Combine(root, "usr/local/bin/julia"));
                        break;
                    case "local-bin-link":
                        StandIn(Path.Combine(root, $"opt/julia-{Version}/bin/julia"));
                        Link(Path.Combine(root, "usr/local/bin/julia"), $"/opt/julia-{Version}/bin/julia");
                        break;
                    case "usr-bin-file":
                        StandIn(Path.Combine(root, "usr/bin/julia"));
                        break;
                    case "usr-bin-link-to-opt":
                        StandIn(Path.Combine(root, $"opt/julia-{Version}/bin/julia"));
                        Link(Path.Combine(root, "opt/julia"), $"julia-{Version}");
                        Link(Path.Combine(root, "usr/bin/julia"), "/opt/julia/bin/julia");
                        break;
                }
                options.ImageFiles[ImageId(image)] = root;
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(ImagesDirectory, recursive: true);
        }

        private static void StandIn(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $$"""
                #!/bin/bash
                if [[ ${1:-} == --version ]]; then echo 'julia version {{Version}}'; exit 0; fi
                printf '%s|%s\n' "$0" "${JULIA_DEPOT_PATH:-}" >> "$AZ_BATCH_NODE_SHARED_DIR/{{LaunchLog}}"

                """);
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
        }

        private static void Link(string path, string target)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.CreateSymbolicLink(path, target);
        }
    }
}
