<#
.SYNOPSIS
    Where a first result's time goes: what the runtime JIT-compiles in a fresh pwsh during Import-Module and during the
    first call, on the pipeline thread and on the others, by whose code it is (the module's, PowerShell's, the rest),
    as medians over several starts.
.DESCRIPTION
    Not part of ./build.ps1 Bench: listening to the JIT costs each start tens of milliseconds, so the figures say where
    the time goes, not how long a start takes (B8 says that). For comparing builds or module shapes by hand, e.g.
        ./bench/JitTrace/Trace-FirstResult.ps1 -ModuleManifest ./out/CognitoPs/CognitoPs.psd1
    and, against the signed reference module that ./build.ps1 Bench builds,
        ./bench/JitTrace/Trace-FirstResult.ps1 -ModuleManifest <its folder>/SignedFloorModule.psd1 -Command Get-SignedFloorUser
    Each kind of start keeps its own pwsh cache folder (as B1 and B8 do), warmed by three starts that are not counted.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Command = 'Get-CognitoUser',
    [string] $PwshPath = (Get-Process -Id $PID).Path,
    [int] $Starts = 5,
    # Writes the methods that the last start compiled here (phase, thread, ms, method; tab-separated).
    [string] $MethodsPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
# The starts' environment (test keys, their own cache folder), put back as it was at the end.
$changed = 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_EC2_METADATA_DISABLED', 'XDG_CACHE_HOME'
$saved = @{}; foreach ($name in $changed) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
$ModuleManifest = (Resolve-Path $ModuleManifest).Path
$moduleName = [IO.Path]::GetFileNameWithoutExtension($ModuleManifest)
$work = Join-Path ([IO.Path]::GetTempPath()) "cognitops-jittrace-$([guid]::NewGuid().ToString('n').Substring(0, 8))"

dotnet build (Join-Path $PSScriptRoot 'JitTrace.csproj') -c Release --nologo -v quiet -o (Join-Path $work 'bin') | Out-Null
if ($LASTEXITCODE) { throw 'building bench/JitTrace failed' }
Import-Module (Join-Path $PSScriptRoot '../../tests/TestServers.psm1')
Install-TestEndpointPackages
$fake = Start-FakeCognito
try {
    $env:AWS_ACCESS_KEY_ID = 'AKIDCOGNITOPSTEST'; $env:AWS_SECRET_ACCESS_KEY = 'cognitops-test-secret'
    $env:AWS_REGION = 'us-east-1'; $env:AWS_EC2_METADATA_DISABLED = 'true'
    $env:XDG_CACHE_HOME = Join-Path $work 'cache'
    $methods = Join-Path $work 'methods.tsv'
    $start = "[Reflection.Assembly]::LoadFrom('$(Join-Path $work 'bin/JitTrace.dll')') | Out-Null; [JitTrace.Recorder]::Start(); " +
        "[JitTrace.Recorder]::Phase = 'import'; Import-Module '$ModuleManifest'; [JitTrace.Recorder]::Phase = 'first call'; " +
        "`$name = ($Command -UserPoolId eu-west-1_Paged5 -EndpointUrl $($fake.Url) -First 1).Username; " +
        "[JitTrace.Recorder]::Phase = 'after'; Start-Sleep -Milliseconds 200; [JitTrace.Recorder]::Save('$methods'); `$name"
    foreach ($i in 1..3) { & $PwshPath -NoProfile -NonInteractive -Command $start | Out-Null }

    $rows = @{}
    foreach ($i in 1..$Starts) {
        $name = & $PwshPath -NoProfile -NonInteractive -Command $start
        if ($name -ne 'user-000001') { throw "the start printed '$name', not user-000001" }
        $sums = @{}
        foreach ($line in Get-Content $methods) {
            $phase, $thread, $ms, $method = $line -split "`t"
            if ($phase -notin 'import', 'first call') { continue }
            $owner = if ($method -like "$moduleName*") { $moduleName } elseif ($method -match '^(System\.Management\.Automation|Microsoft\.PowerShell)') { 'PowerShell' } else { 'runtime and the rest' }
            $key = "$phase|$thread|$owner"
            if (-not $sums.ContainsKey($key)) { $sums[$key] = @{ Methods = 0; Ms = 0.0 } }
            $sums[$key].Methods++; $sums[$key].Ms += [double]$ms
        }
        foreach ($key in $sums.Keys) {
            if (-not $rows.ContainsKey($key)) { $rows[$key] = @{ Methods = [Collections.Generic.List[double]]::new(); Ms = [Collections.Generic.List[double]]::new() } }
            $rows[$key].Methods.Add($sums[$key].Methods); $rows[$key].Ms.Add($sums[$key].Ms)
        }
    }
    if ($MethodsPath) { Copy-Item $methods $MethodsPath }

    function Median($Values) { $sorted = @($Values | Sort-Object); $sorted[[int][math]::Floor($sorted.Count / 2)] }
    $rows.Keys | Sort-Object | ForEach-Object {
        $phase, $thread, $owner = $_ -split '\|'
        [pscustomobject]@{
            Phase = $phase; Thread = $thread; Code = $owner
            Methods = [int](Median $rows[$_].Methods)
            Ms = [math]::Round((Median $rows[$_].Ms), 1)
        }
    } | Format-Table -AutoSize | Out-Host
} finally {
    $fake | Stop-TestServer
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    foreach ($name in $changed) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
}
