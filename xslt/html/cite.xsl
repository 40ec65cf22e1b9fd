<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe HTML module: the citation of a document (used by header.xsl and
  print/print.xsl). Reads the header through $ts:hdr, $ts:translator and
  $ts:date (header.xsl).

    cite-this                 one-line citation, ending in the edition's
                              permanent URL (publicationStmt/idno[@type='URI'])
                              when the edition has one
    ts:archival-reference     "Archive (AE), fond 1, opis 2, ...; copy: ..."
    ts:sentence($s)           $s closed by a full stop
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- "Archive (AE), fond 1, opis 2, delo 3, ll. 4-5; copy: Collection, Library" -->
  <xsl:function name="ts:archival-reference" as="xs:string">
    <xsl:param name="ms" as="element(msDesc)"/>
    <xsl:variable name="id" select="$ms/msIdentifier"/>
    <xsl:variable name="main" select="string-join((
        $id/(repository, collection) ! normalize-space(.),
        $id/idno ! (if (@type = ('fond', 'opis', 'delo', 'folder', 'box', 'file'))
                    then @type || ' ' || normalize-space(.) else normalize-space(.)),
        $ms/msContents/msItem/locus ! normalize-space(.)), ', ')"/>
    <xsl:variable name="copies" select="$id/altIdentifier ! string-join(
        (distinct-values((collection, repository) ! normalize-space(.))), ', ')"/>
    <xsl:sequence select="string-join(($main, $copies ! ('copy: ' || .)), '; ')"/>
  </xsl:function>

  <!-- One-line citation of this edition:
         [Translator (trans.), ]“Title,” date, archival reference.
         [Publisher, ]TEI P5 edition URL.                    (publicationStmt/idno[@type='URI'])
         [Publisher, ]TEI P5 edition ID[, from the text at SOURCE-URL].   (otherwise)
       Empty header fields are left out together with their punctuation. -->
  <xsl:template name="cite-this">
    <xsl:variable name="ms" select="$ts:hdr/fileDesc/sourceDesc/msDesc"/>
    <xsl:variable name="pub" select="$ts:hdr/fileDesc/publicationStmt"/>
    <xsl:variable name="edition-uri" as="xs:string?"
        select="($pub/idno[@type = 'URI'] ! normalize-space(.))[.][1]"/>
    <xsl:variable name="edition-id" as="xs:string?"
        select="(($pub/idno[not(@type = 'URI')] ! normalize-space(.))[.], string(/TEI/@xml:id)[.])[1]"/>
    <xsl:variable name="source-uri" as="xs:string?"
        select="(($ts:hdr/fileDesc/sourceDesc/bibl//idno[@type = 'URI'],
                  $ts:hdr/fileDesc/sourceDesc/bibl//ref/@target) ! normalize-space(.))[.][1]"/>
    <xsl:variable name="translators" select="string-join($ts:translator ! normalize-space(.), ', ')"/>
    <xsl:variable name="title" select="ts:title(.)"/>
    <xsl:variable name="after-title" as="xs:string*"
        select="($ts:date ! normalize-space(.), $ms ! ts:archival-reference(.))[.]"/>
    <xsl:variable name="quoted-title" as="xs:string?"
        select="$title[.] ! ('“' || . || (if (exists($after-title)) then ',”' else '.”'))"/>
    <!-- The comma of a quoted title goes inside the quotes: no comma after it. -->
    <xsl:variable name="source-text" as="xs:string" select="string-join((
        string-join(($translators[.] ! (. || ' (trans.)'), $quoted-title), ', '),
        string-join($after-title, ', ')[.]), if ($quoted-title) then ' ' else ', ')"/>
    <xsl:if test="$source-text">
      <xsl:value-of select="ts:sentence($source-text)"/>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:value-of select="string-join(($pub/publisher ! normalize-space(.))[.], ', ')[.] ! (. || ', ')"/>
    <xsl:text>TEI P5 edition</xsl:text>
    <xsl:choose>
      <xsl:when test="$edition-uri">
        <xsl:text>, </xsl:text>
        <a href="{$edition-uri}" class="edition-uri"><xsl:value-of select="$edition-uri"/></a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$edition-id ! (' ' || .)"/>
        <xsl:if test="$source-uri">
          <xsl:text>, from the text at </xsl:text>
          <a href="{$source-uri}"><xsl:value-of select="$source-uri"/></a>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- $s closed by a full stop, unless it already ends a sentence (".", ".”", "?)"...). -->
  <xsl:function name="ts:sentence" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (matches($s, '[.!?][”’&quot;)\]]*$')) then $s else $s || '.'"/>
  </xsl:function>

</xsl:stylesheet>
