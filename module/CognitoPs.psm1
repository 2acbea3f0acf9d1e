# Loads CognitoPs into an AssemblyLoadContext of its own (src/CognitoPs.Loader), so that it can share a session with
# modules that bring another AWSSDK.Core (AWS.Tools), then imports its cmdlets.
$isReload = $true
if (-not ('CognitoPs.Loader.LoadContext' -as [type])) {
    $isReload = $false
    Add-Type -Path (Join-Path $PSScriptRoot 'CognitoPs.Loader.dll')
}

$module = Import-Module -Assembly ([CognitoPs.Loader.LoadContext]::Initialize((Join-Path $PSScriptRoot 'bin'))) -PassThru

if ($isReload) {
    # PowerShell issue #20710: on a second import (-Force, or Remove-Module then Import-Module) the cmdlets of an
    # assembly from a custom load context are not exported again. Add them back to this module by hand.
    $addExportedCmdlet = [System.Management.Automation.PSModuleInfo].GetMethod(
        'AddExportedCmdlet', [System.Reflection.BindingFlags]'Instance, NonPublic')
    foreach ($command in $module.ExportedCommands.Values) {
        $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $command))
    }
}
