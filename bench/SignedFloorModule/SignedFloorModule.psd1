@{
    RootModule        = 'SignedFloorModule.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '5b0e7c1a-2f43-4d8e-9a61-7c3e1d2b8f05'
    CmdletsToExport   = @('Get-SignedFloorUser')
    FunctionsToExport = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
