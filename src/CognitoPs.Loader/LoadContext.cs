using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace CognitoPs.Loader
{
    /// <summary>
    /// The AssemblyLoadContext that CognitoPs.dll and its private dependencies (AWSSDK.Core, System.Threading.RateLimiting,
    /// System.IO.Hashing, …) load into, so another module's AWSSDK.Core (AWS.Tools 4.x ships 3.3.0.0, 5.x ships an older
    /// 4.0.0.0) can neither clash with ours nor be bound to instead of it. Whatever the host itself provides (PowerShell's
    /// System.Management.Automation, the runtime's assemblies) stays shared, so ErrorRecord, PSObject and the output
    /// types are the host's own.
    /// </summary>
    public sealed class LoadContext : AssemblyLoadContext
    {
        private const string ModuleAssembly = "CognitoPs";
        private static readonly object Gate = new object();
        private static LoadContext? _instance;
        private readonly string _directory;
        private readonly HashSet<string> _hostAssemblies;

        private LoadContext(string directory)
            : base("CognitoPs", isCollectible: false)
        {
            _directory = directory;
            _hostAssemblies = HostAssemblyNames();
        }

        /// <summary>True once <see cref="Initialize"/> has run in this process: a later import is a re-import.</summary>
        public static bool IsInitialized
        {
            get
            {
                lock (Gate)
                {
                    return _instance != null;
                }
            }
        }

        /// <summary>
        /// Loads CognitoPs.dll from <paramref name="directory"/> into the module's context (created once per process) and
        /// returns it for Import-Module -Assembly.
        /// </summary>
        public static Assembly Initialize(string directory)
        {
            lock (Gate)
            {
                _instance ??= new LoadContext(Path.GetFullPath(directory));
                return _instance.LoadFromAssemblyName(new AssemblyName(ModuleAssembly));
            }
        }

        /// <summary>
        /// PowerShell issue #20710: on a second import (-Force, or Remove-Module then Import-Module) the cmdlets of an
        /// assembly from a custom load context are not exported again. Adds the cmdlets <paramref name="imported"/>
        /// (the PSModuleInfo of Import-Module -Assembly) to <paramref name="module"/> (the module being imported), through
        /// the internal method PowerShell itself uses. Done here rather than in the psm1: type names in script cost a
        /// fresh session tens of milliseconds to resolve. Both are PSModuleInfo; the loader does not reference PowerShell.
        /// </summary>
        public static void ExportAgain(object imported, object module)
        {
            var commands = (IDictionary)imported.GetType().GetProperty("ExportedCommands")!.GetValue(imported)!;
            var add = module.GetType().GetMethod("AddExportedCmdlet", BindingFlags.Instance | BindingFlags.NonPublic)
                ?? throw new MissingMethodException("PSModuleInfo", "AddExportedCmdlet");
            foreach (var command in commands.Values)
            {
                add.Invoke(module, new[] { command });
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

            var path = Path.Combine(_directory, name + ".dll");
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
