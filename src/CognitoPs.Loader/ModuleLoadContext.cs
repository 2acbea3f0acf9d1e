using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace CognitoPs
{
    /// <summary>
    /// The AssemblyLoadContext that CognitoPs.Client.dll and its private dependencies (AWSSDK.Core,
    /// System.IO.Hashing) load into, from the module's bin/ folder: from its precompiled
    /// copies in bin/net10.0-linux-x64/ (say) when they were built for this runtime and platform, else the IL. Another module's
    /// AWSSDK.Core (AWS.Tools 4.x ships 3.3.0.0, 5.x an older 4.0.0.0) can then neither clash with ours nor be bound to
    /// instead of it. CognitoPs.dll itself, the cmdlets, loads in PowerShell's own context as any binary module does
    /// (fast to import, and Import-Module -Force works as usual), precompiled where it can be
    /// (<see cref="LoadPrecompiledCmdlets"/>); it names no type of those dependencies, so nothing of theirs binds there.
    /// Whatever the host provides (PowerShell, the runtime) stays shared, so ErrorRecord, PSObject and the output types
    /// are the host's own.
    /// </summary>
    internal sealed class ModuleLoadContext : AssemblyLoadContext
    {
        private const string ClientAssembly = "CognitoPs.Client";
        private const string CmdletsFile = "CognitoPs.dll";
        private static readonly object Gate = new object();
        private static ModuleLoadContext? _instance;
        private readonly string _directory;
        private readonly string _precompiledDirectory;
        private readonly HashSet<string> _hostAssemblies;

        private ModuleLoadContext(string directory)
            : base("CognitoPs", isCollectible: false)
        {
            _directory = directory;
            _precompiledDirectory = Path.Combine(directory, PrecompiledFolderName());
            _hostAssemblies = HostAssemblyNames();
        }

        /// <summary>
        /// The bin/ subfolder the build writes ReadyToRun copies to, named for the runtime and platform they were
        /// compiled for, e.g. net10.0-linux-x64. Only that runtime on that platform may load them: the runtime refuses
        /// a ReadyToRun image made for another operating system or processor outright (BadImageFormatException).
        /// </summary>
        internal static string PrecompiledFolderName()
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            var architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            return $"net{Environment.Version.Major}.0-{os}-{architecture}";
        }

        /// <summary>The module's bin/ folder (this assembly sits at the top of the module, beside the manifest).</summary>
        private static string BinDirectory => Path.Combine(Path.GetDirectoryName(typeof(ModuleLoadContext).Assembly.Location)!, "bin");

        /// <summary>
        /// Called by PowerShell's default context when it cannot find CognitoPs.Client (it is not beside CognitoPs.dll,
        /// so neither PowerShell nor Assembly.LoadFrom's probing finds it): loads it into the module's context.
        /// </summary>
        internal static Assembly? ResolveClient(AssemblyLoadContext requester, AssemblyName name)
        {
            if (!string.Equals(name.Name, ClientAssembly, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            lock (Gate)
            {
                _instance ??= new ModuleLoadContext(BinDirectory);
                return _instance.LoadFromAssemblyName(name);
            }
        }

        /// <summary>
        /// Loads the precompiled copy of the cmdlets (bin/net10.0-linux-x64/CognitoPs.dll, say) into PowerShell's own
        /// context, where the build made one for this runtime and platform, so that a session's first command does not
        /// JIT-compile them. PowerShell itself loads the portable CognitoPs.dll at the top by path (the manifest cannot
        /// name a file per platform), right after this; the runtime answers a load of an assembly it already holds (the
        /// same name and build, as a precompiled copy is) with the one it holds, so that load yields the precompiled
        /// copy. Elsewhere, or when the copy cannot be loaded, PowerShell loads the portable one as usual.
        /// </summary>
        internal static void LoadPrecompiledCmdlets()
        {
            var precompiled = Path.Combine(BinDirectory, PrecompiledFolderName(), CmdletsFile);
            if (!File.Exists(precompiled))
            {
                return;
            }

            try
            {
                AssemblyLoadContext.Default.LoadFromAssemblyPath(precompiled);
            }
            catch (Exception ex) when (ex is FileLoadException or BadImageFormatException)
            {
                // Another build of CognitoPs.dll is loaded already, or the copy does not suit this runtime: PowerShell's
                // own load of the portable copy then succeeds or reports the problem as it would without this.
            }
        }

        /// <summary>Our own copy when we have one and the host does not provide the assembly; otherwise null: the host's.</summary>
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            if (name is null || _hostAssemblies.Contains(name))
            {
                return null;
            }

            var file = name + ".dll";
            var precompiled = Path.Combine(_precompiledDirectory, file);
            var path = File.Exists(precompiled) ? precompiled : Path.Combine(_directory, file);
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }

        /// <summary>The simple names of the assemblies the host was started with (the runtime's and PowerShell's own).</summary>
        private static HashSet<string> HostAssemblyNames()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
            foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                names.Add(Path.GetFileNameWithoutExtension(path));
            }

            return names;
        }
    }
}
