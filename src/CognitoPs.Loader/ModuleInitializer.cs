using System.Management.Automation;
using System.Runtime.Loader;
using System.Threading;

namespace CognitoPs
{
    /// <summary>
    /// Run by Import-Module before PowerShell loads CognitoPs.dll (the manifest lists CognitoPs.Loader.dll first among
    /// its nested modules): sends CognitoPs.Client to the module's own load context (registered once per process), and
    /// lets the cmdlets load from their precompiled copy where the build made one for this runtime and platform.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        private static int _registered;

        public void OnImport()
        {
            if (Interlocked.Exchange(ref _registered, 1) == 0)
            {
                AssemblyLoadContext.Default.Resolving += ModuleLoadContext.ResolveClient;
            }

            ModuleLoadContext.LoadPrecompiledCmdlets();
        }
    }
}
