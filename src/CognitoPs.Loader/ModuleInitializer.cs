using System.Management.Automation;
using System.Runtime.Loader;
using System.Threading;

namespace CognitoPs
{
    /// <summary>Run by Import-Module: sends CognitoPs.Client to the module's own load context (registered once per process).</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        private static int _registered;

        public void OnImport()
        {
            if (Interlocked.Exchange(ref _registered, 1) == 0)
            {
                AssemblyLoadContext.Default.Resolving += ModuleLoadContext.ResolveClient;
            }
        }
    }
}
