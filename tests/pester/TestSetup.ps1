# Dot-sourced by each *.Tests.ps1 in BeforeAll: imports the BUILT module and finds (or starts) the test servers.
# build.ps1 Test starts cognito-local and the fake Cognito once and passes their URLs in the environment;
# run standalone (Invoke-Pester tests/pester), this starts its own and $script:OwnServers stops them.
$ErrorActionPreference = 'Stop'
$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $RepoRoot 'tests/TestServers.psm1') -Force
$script:OwnServers = @()
if (-not $env:COGNITOPS_TEST_EMULATOR_URL) {
    $script:OwnServers += ($emulator = Start-CognitoLocal); $env:COGNITOPS_TEST_EMULATOR_URL = $emulator.Url
}
if (-not $env:COGNITOPS_TEST_FAKE_URL) {
    $script:OwnServers += ($fake = Start-FakeCognito); $env:COGNITOPS_TEST_FAKE_URL = $fake.Url
}
if (-not $env:COGNITOPS_TEST_GATEWAY_URL) {
    $script:OwnServers += ($gateway = Start-FaultGateway -Upstream $env:COGNITOPS_TEST_EMULATOR_URL); $env:COGNITOPS_TEST_GATEWAY_URL = $gateway.Url
}
if (-not $env:COGNITOPS_TEST_FAKE_GATEWAY_URL) {
    $script:OwnServers += ($fakeGateway = Start-FaultGateway -Upstream $env:COGNITOPS_TEST_FAKE_URL); $env:COGNITOPS_TEST_FAKE_GATEWAY_URL = $fakeGateway.Url
}
if (-not $env:COGNITOPS_TEST_SDK_URL) {
    $script:OwnServers += ($sdk = Start-SdkProxy); $env:COGNITOPS_TEST_SDK_URL = $sdk.Url
}
if (-not $env:COGNITOPS_TEST_AUTH_URL) {
    $script:OwnServers += ($auth = Start-AwsAuthStandIn); $env:COGNITOPS_TEST_AUTH_URL = $auth.Url
}
$EmulatorUrl = $env:COGNITOPS_TEST_EMULATOR_URL
$FakeUrl = $env:COGNITOPS_TEST_FAKE_URL
$GatewayUrl = $env:COGNITOPS_TEST_GATEWAY_URL
$FakeGatewayUrl = $env:COGNITOPS_TEST_FAKE_GATEWAY_URL
$SdkUrl = $env:COGNITOPS_TEST_SDK_URL
$AuthUrl = $env:COGNITOPS_TEST_AUTH_URL

# The keys the fake Cognito accepts (it verifies SigV4); cognito-local accepts anything.
$env:AWS_ACCESS_KEY_ID = 'AKIDCOGNITOPSTEST'
$env:AWS_SECRET_ACCESS_KEY = 'cognitops-test-secret'
Remove-Item Env:AWS_SESSION_TOKEN, Env:AWS_PROFILE, Env:AWS_ENDPOINT_URL, Env:AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER -ErrorAction SilentlyContinue
$env:AWS_REGION = 'us-east-1'            # emulator pool ids (local_...) carry no region
$env:AWS_EC2_METADATA_DISABLED = 'true'

$PwshPath = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })   # for tests that need a fresh process
$ModuleManifest = Join-Path $RepoRoot 'out/CognitoPs/CognitoPs.psd1'
$ModuleOutDir = Split-Path $ModuleManifest
if (-not (Test-Path $ModuleManifest)) { throw "Build first: $ModuleManifest is missing (./build.ps1 Build)." }
Import-Module $ModuleManifest -Force

function Get-EmulatorUser([string] $PoolId, [string] $Username) {
    Invoke-CognitoApi -Url $EmulatorUrl -Operation AdminGetUser -Body @{ UserPoolId = $PoolId; Username = $Username }
}

function Invoke-EmulatorSignIn($Pool, [string] $Username, [string] $Password) {
    Invoke-CognitoApi -Url $EmulatorUrl -Operation AdminInitiateAuth -Body @{
        UserPoolId = $Pool.Id; ClientId = $Pool.ClientId; AuthFlow = 'ADMIN_USER_PASSWORD_AUTH'
        AuthParameters = @{ USERNAME = $Username; PASSWORD = $Password }
    }
}

function Get-FakeStats { Invoke-RestMethod -Uri "$FakeUrl/__stats" }

# State read back through the AWS JS SDK, independently of CognitoPs (-Endpoint: the emulator unless told otherwise).
function Invoke-Sdk([string] $Operation, [hashtable] $Body = @{}, [string] $Endpoint = $EmulatorUrl) {
    Invoke-JsSdk -ProxyUrl $SdkUrl -Endpoint $Endpoint -Operation $Operation -Body $Body
}
function Get-SdkUser([string] $PoolId, [string] $Username, [string] $Endpoint = $EmulatorUrl) {
    $user = Invoke-Sdk AdminGetUser @{ UserPoolId = $PoolId; Username = $Username } -Endpoint $Endpoint
    $attributes = @{}
    foreach ($a in @($user.UserAttributes)) { if ($a) { $attributes[$a.Name] = $a.Value } }
    [pscustomobject]@{ Username = $user.Username; Status = $user.UserStatus; Enabled = $user.Enabled; Attributes = $attributes }
}
function Test-SdkUserExists([string] $PoolId, [string] $Username, [string] $Endpoint = $EmulatorUrl) {
    try { $null = Invoke-Sdk AdminGetUser @{ UserPoolId = $PoolId; Username = $Username } -Endpoint $Endpoint; $true }
    catch { if ("$_" -like 'UserNotFoundException:*') { $false } else { throw } }
}
function Add-FakeUsers([string] $PoolId, [object[]] $Users) {
    Invoke-RestMethod -Method Post -Uri "$FakeUrl/__seed" -ContentType 'application/json' -Body (@{ pool = $PoolId; users = @($Users) } | ConvertTo-Json -Depth 6) | Out-Null
}
function Reset-FakeStats { Invoke-RestMethod -Method Post -Uri "$FakeUrl/__reset" | Out-Null }

# AfterAll of each file: stop the servers this file started (none under build.ps1 Test) and forget their URLs.
function Stop-OwnTestServers {
    if ($script:OwnServers) {
        $script:OwnServers | Stop-TestServer
        Remove-Item Env:COGNITOPS_TEST_EMULATOR_URL, Env:COGNITOPS_TEST_FAKE_URL, Env:COGNITOPS_TEST_GATEWAY_URL, Env:COGNITOPS_TEST_FAKE_GATEWAY_URL,
            Env:COGNITOPS_TEST_SDK_URL, Env:COGNITOPS_TEST_AUTH_URL -ErrorAction SilentlyContinue
    }
}

function Set-GatewayFaults([object[]] $Rules = @(), [int] $Seed = 7) {
    Invoke-RestMethod -Method Post -Uri "$GatewayUrl/__reset" | Out-Null
    Invoke-RestMethod -Method Post -Uri "$GatewayUrl/__config" -ContentType 'application/json' `
        -Body (@{ seed = $Seed; rules = @($Rules) } | ConvertTo-Json -Depth 5) | Out-Null
}
function Get-GatewayStats { Invoke-RestMethod -Uri "$GatewayUrl/__stats" }
function Set-FakeGatewayFaults([object[]] $Rules = @(), [int] $Seed = 7) {
    Invoke-RestMethod -Method Post -Uri "$FakeGatewayUrl/__reset" | Out-Null
    Invoke-RestMethod -Method Post -Uri "$FakeGatewayUrl/__config" -ContentType 'application/json' `
        -Body (@{ seed = $Seed; rules = @($Rules) } | ConvertTo-Json -Depth 5) | Out-Null
}
function Get-FakeGatewayStats { Invoke-RestMethod -Uri "$FakeGatewayUrl/__stats" }
