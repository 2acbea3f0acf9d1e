<#
.SYNOPSIS
    Builds, tests and demonstrates CognitoPs.
.DESCRIPTION
    Build  writes the importable module to out/CognitoPs.
    Test   builds, then runs the xUnit suite and the Pester suite (against cognito-local, our fake Cognito and the
           fault gateway, all started here on loopback and stopped afterwards); prints one "<suite>: N passed, N failed"
           line each.
    Demo   builds, starts cognito-local, creates a pool with a few users, runs the admin pipeline, stops the emulator.
    Bench  builds, makes a precompiled copy of this pwsh for B1 and B8 (out/bench/pwsh), runs the benchmarks
           (bench/Bench.ps1) and writes bench/results.md (about 10 minutes).
    Package  builds, then writes out/packages/CognitoPs.<version>.nupkg with PSResourceGet (Compress-PSResource).
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
# Run from an admin's own shell, the tasks must leave it as they found it: its environment variables (the tests and the
# demo set AWS_* and others) and its modules (the tests import Pester and the module they test). Restored at the end.
$CallersEnvironment = [Environment]::GetEnvironmentVariables()
$CallersModules = @(Get-Module | ForEach-Object Path)
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
$ModuleOut = Join-Path $PSScriptRoot 'out/CognitoPs'
$ModuleVersion = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'CognitoPs.psd1')).ModuleVersion   # the one place it is set

function Invoke-Native([string] $What, [scriptblock] $Command) {
    & $Command
    if ($LASTEXITCODE) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Invoke-Build {
    Write-Host "Building CognitoPs ($Configuration)..."
    $bin = Join-Path $PSScriptRoot 'out/bin/CognitoPs'
    # Start from an empty output folder: the module takes every DLL found there, so nothing stale may remain.
    if (Test-Path $bin) { Remove-Item $bin -Recurse -Force }
    foreach ($project in 'CognitoPs', 'CognitoPs.Loader') {
        Invoke-Native "dotnet build $project" { dotnet build (Join-Path $PSScriptRoot "src/$project/$project.csproj") -c $Configuration -o $bin -p:Version=$ModuleVersion --nologo -v quiet -clp:NoSummary }
    }
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    # Layout: the manifest, CognitoPs.Loader.dll (the module's loading, run first) and CognitoPs.dll (the cmdlets, which
    # PowerShell loads as any binary module) at the top; CognitoPs.Client.dll and its private dependencies in bin/, read
    # only by the module's own AssemblyLoadContext.
    $top = 'CognitoPs.dll', 'CognitoPs.Loader.dll'
    New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'bin') | Out-Null
    $top | ForEach-Object { Copy-Item (Join-Path $bin $_) $ModuleOut }
    Get-ChildItem $bin -Filter '*.dll' | Where-Object Name -notin $top | Copy-Item -Destination (Join-Path $ModuleOut 'bin')
    Copy-Item (Join-Path $PSScriptRoot 'CognitoPs.psd1') $ModuleOut
    Copy-Item (Join-Path $PSScriptRoot 'module/*') $ModuleOut -Recurse -Exclude '*.help-source.xml'
    Remove-Item (Join-Path $ModuleOut 'en-US/*.help-source.xml') -ErrorAction SilentlyContinue
    if (Get-ChildItem $ModuleOut -Recurse -Filter 'System.Management.Automation.dll') {
        throw 'PowerShellStandard.Library leaked into the module output; it must stay compile-only.'
    }
    Invoke-ReadyToRun
    # Help: generated from the built cmdlets, their doc comments and the hand-written source, in a pwsh of its own.
    $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    Invoke-Native 'generating help' {
        & $pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'build/New-CognitoHelp.ps1') -ModuleManifest (Join-Path $ModuleOut 'CognitoPs.psd1') `
            -DocumentationFile (Join-Path $bin 'CognitoPs.xml') -SourceFile (Join-Path $PSScriptRoot 'module/en-US/CognitoPs.help-source.xml') `
            -OutputFile (Join-Path $ModuleOut 'en-US/CognitoPs.dll-Help.xml') -AboutFile (Join-Path $ModuleOut 'en-US/about_CognitoPs.help.txt')
    }
    Write-Host "Module written to $ModuleOut"
}

function Get-Crossgen2 {
    # The SDK fetches crossgen2 at the version it picks for net10.0; the helper project only reports its path.
    $os = if ($IsWindows) { 'windows' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
    $arch = "$([System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture)".ToLowerInvariant()
    $rid = "$(if ($os -eq 'windows') { 'win' } else { $os })-$arch"
    $found = dotnet msbuild (Join-Path $PSScriptRoot 'build/ReadyToRun/ReadyToRun.csproj') -restore -t:PrintCrossgen2 "-p:RuntimeIdentifier=$rid" -nologo -v:m
    if ($LASTEXITCODE) { throw "Finding crossgen2 failed:`n$($found -join "`n")" }
    $crossgen = (@($found) -match '^\s*crossgen2=' | Select-Object -First 1) -replace '^\s*crossgen2=', ''
    if (-not $crossgen -or -not (Test-Path $crossgen)) { throw "crossgen2 not found:`n$($found -join "`n")" }
    @{ Path = $crossgen; Os = $os; Arch = $arch; Rid = $rid }
}

function Invoke-ReadyToRun {
    <#
    Writes ReadyToRun (precompiled) copies of bin/*.dll and of CognitoPs.dll to bin/net10.0-<os>-<arch>/, for the
    runtime, PowerShell and platform this build runs on (the pinned pwsh 7.6.9 on .NET 10), so that a fresh session does
    not JIT-compile the cmdlets, the client and AWSSDK.Core before its first result (B8). The module's loader takes them
    only on that runtime and platform: the runtime refuses a ReadyToRun image made for another OS or processor
    (BadImageFormatException), so the portable IL stays at the top and in bin/ for everywhere else.
    #>
    if ([Environment]::Version.Major -ne 10) {
        Write-Warning "Not precompiling: this pwsh runs on .NET $([Environment]::Version), the compiler fetched here is for .NET 10."
        return
    }
    $target = Get-Crossgen2
    $os = $target.Os; $arch = $target.Arch; $rid = $target.Rid; $crossgen = $target.Path
    # References: the runtime and the PowerShell this pwsh runs on, and the module's own assemblies.
    # In a response file, because PowerShell would expand the wildcards itself and pass the files as inputs.
    $references = @(
        (Join-Path ([System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()) '*.dll')
        (Join-Path $PSHOME '*.dll')
        (Join-Path $ModuleOut '*.dll')
        (Join-Path $ModuleOut 'bin/*.dll')
    ) | ForEach-Object { "--reference:$_" }
    $precompiled = New-Item -ItemType Directory -Path (Join-Path $ModuleOut "bin/net10.0-$rid")
    $assemblies = @(Get-ChildItem (Join-Path $ModuleOut 'bin') -Filter '*.dll') + (Get-Item (Join-Path $ModuleOut 'CognitoPs.dll'))
    $responseFile = Join-Path $PSScriptRoot 'out/crossgen2.rsp'
    foreach ($assembly in $assemblies) {
        @($assembly.FullName, "--out:$(Join-Path $precompiled $assembly.Name)", "--targetos:$os", "--targetarch:$arch", '-O') + $references |
            Set-Content $responseFile
        $log = & $crossgen "@$responseFile" 2>&1
        if ($LASTEXITCODE) { throw "crossgen2 failed on $($assembly.Name):`n$($log -join "`n")" }
    }
    Remove-Item $responseFile
    Write-Host "Precompiled $($assemblies.Count) assemblies into bin/$($precompiled.Name) (ReadyToRun)"
}

function Get-PesterModulePath {
    Invoke-Native 'restoring test tools' { dotnet restore (Join-Path $PSScriptRoot 'tests/tools/TestTools.csproj') --nologo -v quiet }
    Join-Path (Get-NuGetPackagesPath) 'pester/5.7.1/tools/Pester.psd1'
}

function Invoke-XunitSuite {
    $results = Join-Path $PSScriptRoot 'out/test-results'
    $trx = Join-Path $results 'xunit.trx'
    Remove-Item $trx -ErrorAction SilentlyContinue
    dotnet test (Join-Path $PSScriptRoot 'tests/CognitoPs.Tests/CognitoPs.Tests.csproj') -c $Configuration --nologo `
        --logger "trx;LogFileName=xunit.trx" --logger "console;verbosity=minimal" --results-directory $results | Out-Host
    if (-not (Test-Path $trx)) { return [pscustomobject]@{ Passed = 0; Failed = 1 } }   # the build or the host failed
    $counters = ([xml](Get-Content $trx -Raw)).TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout }
}

function Invoke-PesterSuite {
    Import-Module (Get-PesterModulePath) -Force
    $servers = @()
    try {
        $servers += ($emulator = Start-CognitoLocal)
        $servers += ($fake = Start-FakeCognito)
        $servers += ($gateway = Start-FaultGateway -Upstream $emulator.Url)
        $servers += ($fakeGateway = Start-FaultGateway -Upstream $fake.Url)
        $servers += ($sdk = Start-SdkProxy)
        $servers += ($auth = Start-AwsAuthStandIn)
        $env:COGNITOPS_TEST_EMULATOR_URL = $emulator.Url
        $env:COGNITOPS_TEST_FAKE_URL = $fake.Url
        $env:COGNITOPS_TEST_GATEWAY_URL = $gateway.Url
        $env:COGNITOPS_TEST_FAKE_GATEWAY_URL = $fakeGateway.Url
        $env:COGNITOPS_TEST_SDK_URL = $sdk.Url
        $env:COGNITOPS_TEST_AUTH_URL = $auth.Url
        $config = New-PesterConfiguration
        $config.Run.Path = Join-Path $PSScriptRoot 'tests/pester'
        $config.Run.PassThru = $true
        $config.Output.RenderMode = 'Plaintext'
        $config.Output.Verbosity = 'Normal'
        $run = Invoke-Pester -Configuration $config
        [pscustomobject]@{ Passed = $run.PassedCount; Failed = $run.FailedCount + $run.FailedBlocksCount + $run.FailedContainersCount }
    } finally {
        $servers | Stop-TestServer
        Remove-Item Env:COGNITOPS_TEST_EMULATOR_URL, Env:COGNITOPS_TEST_FAKE_URL, Env:COGNITOPS_TEST_GATEWAY_URL, Env:COGNITOPS_TEST_FAKE_GATEWAY_URL,
            Env:COGNITOPS_TEST_SDK_URL, Env:COGNITOPS_TEST_AUTH_URL -ErrorAction SilentlyContinue
    }
}

function Invoke-Test {
    Invoke-Package   # builds, and writes the package Package.Tests.ps1 installs by name
    Install-TestEndpointPackages
    $env:AWS_EC2_METADATA_DISABLED = 'true'   # the credential chain must never probe instance metadata in tests
    $started = [Diagnostics.Stopwatch]::StartNew()
    $xunit = Invoke-XunitSuite
    $pester = Invoke-PesterSuite
    # CI reads these two lines; they must stand alone on their lines.
    Write-Host ''
    Write-Host ("xunit: {0} passed, {1} failed" -f $xunit.Passed, $xunit.Failed)
    Write-Host ("pester: {0} passed, {1} failed" -f $pester.Passed, $pester.Failed)
    Write-Host ("(tests took {0:0} s)" -f $started.Elapsed.TotalSeconds)
    if ($xunit.Failed -or $pester.Failed -or -not $xunit.Passed -or -not $pester.Passed) { exit 1 }
}

function Show-Step([string] $Text) { Write-Host "`n=== $Text" -ForegroundColor Cyan }

function Show-UserStates($Pool, [string[]] $Username) {
    $Username | ForEach-Object {
        $user = Invoke-CognitoApi -Url $Pool.Url -Operation AdminGetUser -Body @{ UserPoolId = $Pool.Id; Username = $_ }
        [pscustomobject]@{ Username = $user.Username; Status = $user.UserStatus }
    } | Format-Table | Out-Host
}

function Invoke-Demo {
    Invoke-Build
    Install-TestEndpointPackages
    $emulator = Start-CognitoLocal
    try {
        Show-Step "cognito-local is listening on $($emulator.Url); creating a pool with four users"
        $users = 'alice', 'bob', 'carol', 'dave'
        $pool = New-EmulatorPool -Url $emulator.Url -Name 'demo-helpdesk' -Username $users
        Show-UserStates $pool $users

        # What an admin's session would have: credentials and a region (the emulator checks neither).
        $env:AWS_ACCESS_KEY_ID = 'AKIDDEMO'; $env:AWS_SECRET_ACCESS_KEY = 'demo-secret'; $env:AWS_REGION = 'us-east-1'
        $env:AWS_EC2_METADATA_DISABLED = 'true'
        Import-Module (Join-Path $ModuleOut 'CognitoPs.psd1') -Force
        # An admin would type: $pw = Read-Host -AsSecureString 'New password'
        $pw = ConvertTo-SecureString ('Demo-' + [guid]::NewGuid().ToString('n').Substring(0, 10) + '!') -AsPlainText -Force

        Show-Step "Connect-CognitoUserPool $($pool.Id) -EndpointUrl $($emulator.Url)"
        Connect-CognitoUserPool $pool.Id -EndpointUrl $emulator.Url | Format-List | Out-Host

        Show-Step 'Get-CognitoUser -Status FORCE_CHANGE_PASSWORD'
        Get-CognitoUser -Status FORCE_CHANGE_PASSWORD | Out-Host

        Show-Step 'Get-CognitoUser -Status FORCE_CHANGE_PASSWORD | Set-CognitoUserPassword -Password $pw -Permanent -WhatIf'
        Get-CognitoUser -Status FORCE_CHANGE_PASSWORD | Set-CognitoUserPassword -Password $pw -Permanent -WhatIf

        Show-Step 'Get-CognitoUser -Status FORCE_CHANGE_PASSWORD | Set-CognitoUserPassword -Password $pw -Permanent -PassThru'
        Get-CognitoUser -Status FORCE_CHANGE_PASSWORD | Set-CognitoUserPassword -Password $pw -Permanent -PassThru | Out-Host

        Show-Step 'Import-Csv users.csv | Set-CognitoUserPassword -Password $pw -PassThru   (temporary: must change at next sign-in)'
        $csv = Join-Path ([IO.Path]::GetTempPath()) 'cognitops-demo-users.csv'
        'carol' | ForEach-Object { [pscustomobject]@{ Username = $_; UserPoolId = $pool.Id } } | Export-Csv $csv -NoTypeInformation
        Get-Content $csv | Out-Host
        Import-Csv $csv | Set-CognitoUserPassword -Password $pw -PassThru | Out-Host
        Remove-Item $csv

        Show-Step "'mallory','dave' | Set-CognitoUserPassword -Password `$pw -PassThru   (mallory does not exist; dave still goes through)"
        'mallory', 'dave' | Set-CognitoUserPassword -Password $pw -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Host
        $failed | ForEach-Object {
            [pscustomobject]@{ ErrorId = $_.FullyQualifiedErrorId; Category = $_.CategoryInfo.Category; Target = $_.TargetObject; Message = "$_" }
        } | Format-List | Out-Host

        Show-Step 'Import-Csv new-hires.csv | New-CognitoUser -EmailVerified -MessageAction Suppress   (onboarding)'
        $hires = Join-Path ([IO.Path]::GetTempPath()) 'cognitops-demo-new-hires.csv'
        @([pscustomobject]@{ Username = 'erin'; Email = 'erin@example.com'; GivenName = 'Erin'; FamilyName = 'Ng' }
          [pscustomobject]@{ Username = 'frank'; Email = 'frank@example.com'; GivenName = 'Frank'; FamilyName = 'Ito' }) | Export-Csv $hires -NoTypeInformation
        Get-Content $hires | Out-Host
        Import-Csv $hires | New-CognitoUser -EmailVerified -MessageAction Suppress | Out-Host
        Remove-Item $hires

        Show-Step "'frank','mallory' | Disable-CognitoUser -PassThru   (offboarding; mallory does not exist)"
        'frank', 'mallory' | Disable-CognitoUser -PassThru -ErrorAction Continue | Out-Host

        Show-Step "'frank' | Remove-CognitoUser -WhatIf, then -Force"
        'frank' | Remove-CognitoUser -WhatIf
        'frank' | Remove-CognitoUser -Force -PassThru | Out-Host

        Show-Step 'Get-CognitoUser   (the state after the run)'
        Get-CognitoUser | Out-Host
        Disconnect-CognitoUserPool

        Show-Step 'Final state, read back through the Cognito API'
        Show-UserStates $pool ($users + 'erin')
    } finally {
        $emulator | Stop-TestServer
        Write-Host 'Emulator stopped.'
    }
}

function Invoke-Package {
    Invoke-Build
    $packages = Join-Path $PSScriptRoot 'out/packages'
    if (Test-Path $packages) { Remove-Item $packages -Recurse -Force }
    New-Item -ItemType Directory -Path $packages | Out-Null
    Test-ModuleManifest (Join-Path $ModuleOut 'CognitoPs.psd1') | Out-Null
    Compress-PSResource -Path $ModuleOut -DestinationPath $packages
    $package = Join-Path $packages "CognitoPs.$ModuleVersion.nupkg"
    if (-not (Test-Path $package)) { throw "Compress-PSResource wrote no $package." }
    Write-Host "Package written to $package"
}

function Invoke-Bench {
    Invoke-Build
    Install-TestEndpointPackages
    $pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    $precompiled = New-PrecompiledPwsh
    & (Join-Path $PSScriptRoot 'bench/Bench.ps1') -ModuleManifest (Join-Path $ModuleOut 'CognitoPs.psd1') -PwshPath $pwsh -PrecompiledPwshPath $precompiled
}

function New-PrecompiledPwsh {
    <#
    Copies this pwsh to out/bench/pwsh and precompiles (ReadyToRun) the assemblies that do its start-up, import and
    binding work, as PowerShell's own installers ship them; the .NET tool ships them as IL, which every session
    JIT-compiles. B1 and B8 run on both. Returns the copy's pwsh, or nothing where crossgen2 is not for this runtime.
    #>
    if ([Environment]::Version.Major -ne 10) { return }
    $target = Get-Crossgen2
    $copy = Join-Path $PSScriptRoot 'out/bench/pwsh'
    Remove-Item $copy -Recurse -Force -ErrorAction SilentlyContinue
    Copy-Item $PSHOME $copy -Recurse
    $responseFile = Join-Path $PSScriptRoot 'out/bench/crossgen2.rsp'
    $runtime = Join-Path ([System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()) '*.dll'
    foreach ($name in 'System.Management.Automation', 'Microsoft.PowerShell.ConsoleHost', 'Microsoft.PowerShell.Commands.Utility',
        'Microsoft.PowerShell.Commands.Management', 'Microsoft.PowerShell.Security', 'pwsh', 'Microsoft.ApplicationInsights', 'Newtonsoft.Json') {
        @((Join-Path $PSHOME "$name.dll"), "--out:$(Join-Path $copy "$name.dll")", "--targetos:$($target.Os)", "--targetarch:$($target.Arch)", '-O',
            "--reference:$runtime", "--reference:$(Join-Path $PSHOME '*.dll')") | Set-Content $responseFile
        $log = & $target.Path "@$responseFile" 2>&1
        if ($LASTEXITCODE) { throw "crossgen2 failed on $($name):`n$($log -join "`n")" }
    }
    Remove-Item $responseFile
    Join-Path $copy $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
}

function Restore-CallersSession {
    $now = [Environment]::GetEnvironmentVariables()
    foreach ($name in @($now.Keys)) {
        if (-not $CallersEnvironment.Contains($name)) { Remove-Item -LiteralPath "Env:$name" -ErrorAction SilentlyContinue }
    }
    foreach ($name in @($CallersEnvironment.Keys)) {
        if ($now[$name] -cne $CallersEnvironment[$name]) { [Environment]::SetEnvironmentVariable($name, $CallersEnvironment[$name]) }
    }
    Get-Module | Where-Object { $CallersModules -notcontains $_.Path } | Remove-Module -Force -ErrorAction SilentlyContinue
}

try {
    Import-Module (Join-Path $PSScriptRoot 'tests/TestServers.psm1') -Force
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Bench' { Invoke-Bench }
        'Package' { Invoke-Package }
    }
} finally {
    Restore-CallersSession
}
