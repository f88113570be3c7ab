// The emulator's start tasks need bash, and executed ones unshare and setpriv: these tests run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
