# Loads CognitoPs into an AssemblyLoadContext of its own (src/CognitoPs.Loader), so that it can share a session with
# modules that bring another AWSSDK.Core (AWS.Tools), then imports its cmdlets.
# No type names on purpose: the first type name a session resolves in script ([Some.Type], '...' -as [type]) costs it
# 50-250 ms, more than the rest of the import. So [System.Reflection.Assembly] is reached through a string's type, the
# loader's type through its assembly, and the re-import work is done in C#.
$assemblyType = ''.GetType().Assembly.GetType('System.Reflection.Assembly')
$loadContext = $assemblyType::LoadFrom("$PSScriptRoot/CognitoPs.Loader.dll").GetType('CognitoPs.Loader.LoadContext')
$isReload = $loadContext::IsInitialized
$module = Import-Module -Assembly $loadContext::Initialize("$PSScriptRoot/bin") -PassThru
if ($isReload) {
    $loadContext::ExportAgain($module, $ExecutionContext.SessionState.Module)   # PowerShell issue #20710
}
