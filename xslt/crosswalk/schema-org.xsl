<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe crosswalk: teiHeader -> schema.org JSON-LD (https://schema.org, JSON-LD 1.1).

  A module, not a driver: include it (xsl:include href="../crosswalk/schema-org.xsl")
  and either
    * call the function  cw:json-ld($doc as node(), $indent as xs:boolean) as xs:string
      (the JSON-LD text of the document containing $doc), or
    * call the template  <xsl:call-template name="cw:json-ld-script"/>  inside the HTML
      head: it writes <script type="application/ld+json"> (no namespace, for
      method="html") for the document of the context node.
  It declares no template rules, keys, modes or global parameters, and all its
  names are in the cw namespace (urn:x-teiscribe:crosswalk).

  The description is a CreativeWork (the edition) that isBasedOn an
  ArchiveComponent (the archival record) held by an ArchiveOrganization. The
  JSON is built as XPath 3.1 XML-to-JSON markup and serialised by
  xml-to-json(), so keys keep the order written here (stable bytes).
  Field by field: docs/deposit.md.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:cw="urn:x-teiscribe:crosswalk"
    xmlns:j="http://www.w3.org/2005/xpath-functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:include href="common.xsl"/>

  <!-- JSON-LD text for the document containing $doc; "</" is escaped as "<\/" so the
       text can sit inside an HTML script element. -->
  <xsl:function name="cw:json-ld" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="indent" as="xs:boolean"/>
    <xsl:variable name="json" as="element(j:map)">
      <xsl:call-template name="cw:schema-org-map"><xsl:with-param name="doc" select="$doc"/></xsl:call-template>
    </xsl:variable>
    <xsl:sequence select="replace(xml-to-json($json, map {'indent': $indent}), '&lt;/', '&lt;\\/')"/>
  </xsl:function>

  <!-- <script type="application/ld+json"> for the document of the context node. -->
  <xsl:template name="cw:json-ld-script">
    <xsl:param name="doc" as="node()" select="."/>
    <script type="application/ld+json">
      <xsl:value-of select="cw:json-ld($doc, false())"/>
    </script>
  </xsl:template>

  <!-- The description as XML-to-JSON markup (a j:map). -->
  <xsl:template name="cw:schema-org-map" as="element(j:map)">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="h" select="cw:header($doc)"/>
    <xsl:variable name="url" select="cw:url($doc)"/>
    <xsl:variable name="resp" select="cw:resp-stmts($doc)"/>
    <xsl:variable name="bibl" select="($h/fileDesc/sourceDesc/bibl)[1]"/>
    <xsl:variable name="archive" select="($h/fileDesc/sourceDesc/msDesc/msIdentifier)[1]"/>
    <j:map>
      <j:string key="@context">https://schema.org</j:string>
      <j:string key="@type">CreativeWork</j:string>
      <xsl:for-each select="$url"><j:string key="@id"><xsl:value-of select="."/></j:string><j:string key="url"><xsl:value-of select="."/></j:string></xsl:for-each>
      <xsl:call-template name="cw:strings">
        <xsl:with-param name="key" select="'identifier'"/>
        <xsl:with-param name="values" select="$h/fileDesc/publicationStmt/idno[normalize-space()] ! normalize-space()"/>
      </xsl:call-template>
      <xsl:for-each select="cw:title($doc)"><j:string key="name"><xsl:value-of select="."/></j:string></xsl:for-each>
      <xsl:call-template name="cw:strings">
        <xsl:with-param name="key" select="'alternateName'"/>
        <xsl:with-param name="values" select="cw:other-titles($doc) ! normalize-space()"/>
      </xsl:call-template>
      <xsl:for-each select="cw:abstracts($doc)[1]"><j:string key="abstract"><xsl:value-of select="."/></j:string></xsl:for-each>
      <xsl:for-each select="cw:language($doc)"><j:string key="inLanguage"><xsl:value-of select="."/></j:string></xsl:for-each>
      <xsl:for-each select="cw:date($doc)"><j:string key="temporalCoverage"><xsl:value-of select="."/></j:string></xsl:for-each>
      <xsl:for-each select="cw:issued($doc)"><j:string key="datePublished"><xsl:value-of select="."/></j:string></xsl:for-each>
      <xsl:call-template name="cw:agents">
        <xsl:with-param name="key" select="'creator'"/>
        <xsl:with-param name="names" select="cw:creators($doc)"/>
      </xsl:call-template>
      <xsl:call-template name="cw:agents">
        <xsl:with-param name="key" select="'translator'"/>
        <xsl:with-param name="names" select="cw:names($resp[cw:role(.) = 'Translator'])"/>
      </xsl:call-template>
      <xsl:call-template name="cw:agents">
        <xsl:with-param name="key" select="'contributor'"/>
        <xsl:with-param name="names" select="cw:names($resp[cw:role(.) ne 'Translator']) except cw:creators($doc)"/>
      </xsl:call-template>
      <xsl:for-each select="cw:publisher($doc)">
        <j:map key="publisher">
          <j:string key="@type">Organization</j:string>
          <j:string key="name"><xsl:value-of select="."/></j:string>
          <xsl:for-each select="($h/fileDesc/publicationStmt/pubPlace[normalize-space()])[1]">
            <j:string key="location"><xsl:value-of select="normalize-space()"/></j:string>
          </xsl:for-each>
        </j:map>
      </xsl:for-each>
      <xsl:for-each select="(cw:licences($doc)/@target[normalize-space()])[1]">
        <j:string key="license"><xsl:value-of select="normalize-space()"/></j:string>
      </xsl:for-each>
      <xsl:call-template name="cw:strings">
        <xsl:with-param name="key" select="'keywords'"/>
        <xsl:with-param name="values" select="cw:keywords($doc)"/>
      </xsl:call-template>
      <xsl:if test="$bibl or $archive">
        <j:map key="isBasedOn">
          <j:string key="@type">ArchiveComponent</j:string>
          <xsl:for-each select="(($bibl/title)[1], $bibl)[normalize-space()][1]">
            <j:string key="name"><xsl:value-of select="normalize-space()"/></j:string>
          </xsl:for-each>
          <xsl:for-each select="cw:source-url($doc)"><j:string key="url"><xsl:value-of select="."/></j:string></xsl:for-each>
          <xsl:for-each select="($bibl/date/@when)[1]"><j:string key="dateCreated"><xsl:value-of select="."/></j:string></xsl:for-each>
          <xsl:for-each select="($bibl/textLang/@mainLang)[1]"><j:string key="inLanguage"><xsl:value-of select="."/></j:string></xsl:for-each>
          <xsl:for-each select="$archive/repository[normalize-space()]">
            <j:map key="holdingArchive">
              <j:string key="@type">ArchiveOrganization</j:string>
              <j:string key="name"><xsl:value-of select="normalize-space()"/></j:string>
            </j:map>
          </xsl:for-each>
          <xsl:for-each select="$archive[idno]">
            <j:string key="identifier"><xsl:value-of select="string-join(idno ! (@type || ' ' || normalize-space()), ', ')"/></j:string>
          </xsl:for-each>
        </j:map>
      </xsl:if>
      <xsl:call-template name="cw:agents">
        <xsl:with-param name="key" select="'mentions'"/>
        <xsl:with-param name="names" select="$h/profileDesc/particDesc/listPerson/person/persName[1]"/>
      </xsl:call-template>
    </j:map>
  </xsl:template>

  <!-- key: [strings], or nothing when $values is empty. -->
  <xsl:template name="cw:strings">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:if test="exists($values)">
      <j:array key="{$key}">
        <xsl:for-each select="$values"><j:string><xsl:value-of select="."/></j:string></xsl:for-each>
      </j:array>
    </xsl:if>
  </xsl:template>

  <!-- key: [{"@type": Person|Organization, "name": ...}], or nothing. -->
  <xsl:template name="cw:agents">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="names" as="element()*"/>
    <xsl:if test="exists($names)">
      <j:array key="{$key}">
        <xsl:for-each select="$names">
          <j:map>
            <j:string key="@type"><xsl:value-of select="if (cw:name-type(.) = 'Organizational') then 'Organization' else 'Person'"/></j:string>
            <j:string key="name"><xsl:value-of select="normalize-space()"/></j:string>
          </j:map>
        </xsl:for-each>
      </j:array>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
