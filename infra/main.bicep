// FunctionsIngest on Azure: the infrastructure `azd up` provisions (see docs/run-on-azure.md).
//
// Hosting plan: a Dedicated (App Service) Linux plan, B1 by default, with exactly one instance.
// Why (facts the choice rests on are listed in docs/run-on-azure.md, "Why this plan"):
//   * the app is a Functions *custom handler* (FUNCTIONS_WORKER_RUNTIME=custom). Custom handlers run on the
//     Consumption, Premium and Dedicated plans; the Flex Consumption plan's documented runtimes do not
//     include `custom`, so Flex is out.
//   * run history lives in SQLite on an Azure Files share mounted into the app (azureStorageAccounts, "path
//     mappings"). Storage mounts are Linux-only and are not supported on the Consumption plan, so Consumption
//     is out (and .NET 10 is not offered on Linux Consumption either).
//   * SQLite wants a single writing host, so the app must run as ONE instance. On a Dedicated plan the
//     instance count is simply the plan's capacity (1) with no autoscale rule: nothing event-driven can add a
//     second instance. Elastic Premium could be capped too (maximumElasticWorkerCount/functionAppScaleLimit 1),
//     but it costs several times more for elasticity we must switch off, and it normally expects a key-based
//     content share (WEBSITE_CONTENTAZUREFILECONNECTIONSTRING) for the code: one more secret to carry.
//   * Always On keeps the timer (scheduler tick each minute) and the queue trigger running; B1 has it.
// Scaling beyond one instance needs a server database for the run metadata (see docs/architecture.md).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment (AZURE_ENV_NAME): names the resource group and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource (AZURE_LOCATION).')
param location string

@description('Object id of the person or service principal running azd (AZURE_PRINCIPAL_ID). When set, it gets Storage Blob Data Contributor and Storage Queue Data Contributor on the data account, so it can upload source files with `az storage blob upload --auth-mode login` (shared keys are disabled there). Empty: no assignment.')
param principalId string = ''

@description('Kind of principal principalId is: User for a person, ServicePrincipal for a CI identity.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('SKU of the Linux App Service plan. It always runs exactly one instance. B1 is the cheapest SKU with Always On; P0v3/P1v3 give more memory and faster cores for large workbooks.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Performance tier of the account holding the SQLite file share: Standard_LRS (HDD, cheapest) or Premium_LRS (SSD FileStorage, lower latency per SQLite transaction, 100 GiB minimum provisioned).')
@allowed([
  'Standard_LRS'
  'Premium_LRS'
])
param sqliteStorageSku string = 'Standard_LRS'

@minValue(1)
@maxValue(1024)
@description('Quota of the SQLite file share in GiB (raised to 100 on Premium_LRS). Run history is small: the default is plenty.')
param sqliteShareQuotaGiB int = 5

// Names. The token is stable for one subscription + environment + region, so re-running `azd up` updates in place.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var names = {
  resourceGroup: 'rg-${environmentName}'
  logAnalytics: 'log-${resourceToken}'
  appInsights: 'appi-${resourceToken}'
  identity: 'id-${resourceToken}'
  dataStorage: 'st${resourceToken}'
  sqliteStorage: 'stdb${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-${resourceToken}'
}

// Names the app itself uses. The queue names must match src/FunctionsIngest.App/Functions/FunctionsMode.cs
// (StepQueue = "ingest-steps"; the host moves failed messages to "<queue>-poison").
var dataContainerName = 'data'
var stepQueueName = 'ingest-steps'
var poisonQueueName = '${stepQueueName}-poison'
var sqliteShareName = 'ingestdb'
var sqliteMountPath = '/mounts/ingestdb'

resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    location: location
    tags: tags
    identityName: names.identity
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    dataAccountName: names.dataStorage
    dataContainerName: dataContainerName
    queueNames: [
      stepQueueName
      poisonQueueName
    ]
    sqliteAccountName: names.sqliteStorage
    sqliteStorageSku: sqliteStorageSku
    sqliteShareName: sqliteShareName
    sqliteShareQuotaGiB: sqliteShareQuotaGiB
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    dataAccountName: storage.outputs.dataAccountName
    appInsightsName: monitoring.outputs.appInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    location: location
    tags: tags
    planName: names.plan
    planSku: appServicePlanSku
    appName: names.functionApp
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    appInsightsName: monitoring.outputs.appInsightsName
    dataAccountName: storage.outputs.dataAccountName
    dataContainerName: dataContainerName
    sqliteAccountName: storage.outputs.sqliteAccountName
    sqliteShareName: sqliteShareName
    sqliteMountPath: sqliteMountPath
  }
  // The host reaches its storage with the identity from its first start: grant the roles first.
  dependsOn: [
    roles
  ]
}

// Outputs land in .azure/<env>/.env (and, for a dotnet service, in the project's user secrets): never a secret here.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.dataAccountName
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_CONTAINER_NAME string = dataContainerName
output AZURE_STORAGE_QUEUE_NAME string = stepQueueName
output AZURE_SQLITE_STORAGE_ACCOUNT_NAME string = storage.outputs.sqliteAccountName
output AZURE_SQLITE_SHARE_NAME string = sqliteShareName
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.appInsightsName
